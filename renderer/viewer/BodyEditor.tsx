// A read-only CodeMirror 6 view of a response body: line numbers, folding (JSON), highlighting, and a search panel.
// CodeMirror draws only the lines in view, so a 50 MB document costs the DOM a screenful. The text arrives as parts
// (a big body is read in slices): new parts are appended, so the first screen shows before the last slice is read.
// Read-only but still focusable, so the keyboard can move, select, copy and search inside the body.
import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { codeFolding, foldGutter, foldKeymap, syntaxHighlighting } from '@codemirror/language';
import { openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { EditorState, Prec, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { syntaxColours } from '../editor/editorTheme';
import { bigJson } from './bigJson';
import { createSearchPanel, findNextFast, findPreviousFast, searchMoreArrived, setSearchSource } from './fastSearch';

export type BodyLanguage = 'json' | 'xml' | 'html' | 'text';

export interface BodyEditorHandle {
  /** Opens the search panel and focuses its Find field. */
  openSearch(): void;
}

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--panel)', color: 'var(--fg)', fontSize: '12.5px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--rv-selection)' },
  '.cm-searchMatch': { backgroundColor: 'var(--rv-match)', outline: '1px solid var(--rv-match-border)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--rv-match-selected)' },
  '.cm-panels': { backgroundColor: 'var(--bg)', color: 'var(--fg)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--muted)' },
});

function languageExtension(language: BodyLanguage, longContainers: ReadonlyMap<number, number> | undefined): Extension {
  // JSON laid out while reading is a big body: highlighted line by line around the view, not parsed whole.
  if (language === 'json') return longContainers ? bigJson(longContainers) : json();
  // HTML is highlighted as markup with the XML grammar: shown as text, never parsed into a document.
  if (language === 'xml' || language === 'html') return xml();
  return [];
}

export function BodyEditor(props: {
  /** The text in order; a longer array with the same docKey appends the new parts. */
  parts: readonly string[];
  /** Identity of the document: a new key starts a new document. */
  docKey: unknown;
  language: BodyLanguage;
  label: string;
  wrap?: boolean;
  /** For JSON laid out while reading (jsonIndenter): its record of long containers, for folding. */
  longContainers?: ReadonlyMap<number, number>;
  /** More parts are still to come: a search that finds nothing yet says so and waits for them. */
  loading?: boolean;
  ref?: Ref<BodyEditorHandle>;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const shownParts = useRef<readonly string[]>([]);
  const loading = useRef(props.loading ?? false);
  loading.current = props.loading ?? false;
  const applied = useRef<
    { key: unknown; count: number; language: BodyLanguage; label: string; wrap: boolean; longContainers: ReadonlyMap<number, number> | undefined } | undefined
  >(undefined);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const created = new EditorView({ parent, state: EditorState.create({ doc: '' }) });
    view.current = created;
    setSearchSource(created, () => shownParts.current, () => loading.current);
    return () => {
      created.destroy();
      view.current = null;
      applied.current = undefined;
    };
  }, []);

  const { parts, docKey, language, label, longContainers } = props;
  const wrap = props.wrap ?? false;
  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const last = applied.current;
    const same = last && last.key === docKey && last.language === language && last.label === label && last.wrap === wrap && last.longContainers === longContainers && last.count <= parts.length;
    if (same) {
      if (parts.length > last.count) {
        current.dispatch({ changes: { from: current.state.doc.length, insert: parts.slice(last.count).join('') } });
        last.count = parts.length;
        shownParts.current = parts;
        searchMoreArrived(current);
      }
      return;
    }
    // A new state rather than a change: no history to keep, and the previous body's parse is dropped.
    current.setState(
      EditorState.create({
        doc: parts.join(''),
        extensions: [
          EditorState.readOnly.of(true),
          // tabindex: the body scrolls, and a scrolling area must be reachable by keyboard (axe's scrollable-region-focusable).
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true', 'aria-multiline': 'true', tabindex: '0' }),
          lineNumbers(),
          codeFolding(),
          foldGutter(),
          drawSelection(),
          syntaxHighlighting(syntaxColours),
          search({ top: true, literal: true, createPanel: createSearchPanel }),
          Prec.high(
            keymap.of([
              { key: 'F3', run: findNextFast, shift: findPreviousFast, preventDefault: true },
              { key: 'Mod-g', run: findNextFast, shift: findPreviousFast, preventDefault: true },
            ]),
          ),
          keymap.of([...searchKeymap, ...foldKeymap, ...defaultKeymap]),
          languageExtension(language, longContainers),
          wrap ? EditorView.lineWrapping : [],
          theme,
        ],
      }),
    );
    applied.current = { key: docKey, count: parts.length, language, label, wrap, longContainers };
    shownParts.current = parts;
  }, [parts, docKey, language, label, wrap, longContainers]);

  // The last slice read: a search still waiting now either finds its text or says there is none.
  useEffect(() => {
    if (!props.loading && view.current) searchMoreArrived(view.current);
  }, [props.loading]);

  useImperativeHandle(props.ref, () => ({
    openSearch() {
      if (view.current) openSearchPanel(view.current);
    },
  }));

  return <div className="rv-editor" ref={host} />;
}
