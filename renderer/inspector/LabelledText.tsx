// A multi-line signing text (canonical request, string to sign) with a label beside every line and a Copy button.
// The text itself sits in one <pre>, byte for byte what was signed; the labels are a separate column beside it.
import { CopyButton } from '../viewer/CopyButton';
import type { LabelledLine } from './canonicalParts';

export function LabelledText<P extends string>(props: {
  title: string;
  caption: string;
  text: string;
  lines: Array<LabelledLine<P>>;
  captions?: Partial<Record<P, string>>;
}) {
  return (
    <section className="si-block" aria-label={props.title}>
      <div className="si-block-head">
        <h3>{props.title}</h3>
        <CopyButton text={() => props.text} label={`Copy ${props.title.toLowerCase()}`} />
      </div>
      <p className="si-caption">{props.caption}</p>
      <div className="si-lines">
        <ol className="si-line-labels" aria-hidden="true">
          {props.lines.map((line, i) => (
            <li key={i} className={`si-part-${line.part}`} title={props.captions?.[line.part]}>
              {line.label}
            </li>
          ))}
        </ol>
        <pre className="si-text" aria-label={`${props.title} text`} tabIndex={0}>
          {props.lines.map((line, i) => (
            <span key={i} className={`si-part-${line.part}`}>
              {line.text}
              {i < props.lines.length - 1 ? '\n' : ''}
            </span>
          ))}
        </pre>
      </div>
    </section>
  );
}
