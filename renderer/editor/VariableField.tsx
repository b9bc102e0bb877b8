// A one-line CodeMirror field whose {{variables}} are highlighted: known names in the accent colour, names no scope
// defines in red. Used for the URL, where a typo in a variable is the most common reason a request goes wrong.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, MatchDecorator, placeholder, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { afterStartup } from '../startup/onDemand';
import { useEditorView } from './useEditorView';

export interface VariableFieldHandle {
  focus(): void;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** Names that no scope defines: shown in red. */
  unresolved: string[];
  onEnter?: () => void;
  placeholderText?: string;
  /** Sees pasted text first; returning true means it was handled and nothing is inserted (a pasted curl command). */
  onPasteText?: (text: string) => boolean;
}

const VARIABLE = /\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}/g;

function highlighter(unresolved: ReadonlySet<string>): Extension {
  const decorator = new MatchDecorator({
    regexp: VARIABLE,
    decoration: (match) =>
      Decoration.mark({
        class: unresolved.has(match[1] ?? '') ? 'cm-variable cm-variable-unresolved' : 'cm-variable',
        attributes: { title: unresolved.has(match[1] ?? '') ? `${match[1]} is not defined in any scope` : `variable ${match[1]}` },
      }),
  });
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view);
      }
      update(update: ViewUpdate) {
        this.decorations = decorator.updateDeco(update, this.decorations);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

/** Pasted or typed line breaks are dropped: a URL is one line. */
const singleLine = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.newDoc.lines === 1) return tr;
  const text = tr.newDoc.toString().replace(/[\r\n]+/g, '');
  return { changes: { from: 0, to: tr.startState.doc.length, insert: text }, selection: { anchor: text.length } };
});

const fieldTheme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg)', border: '1px solid var(--border)', borderRadius: '6px', fontSize: '13px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', overflowX: 'auto', scrollbarWidth: 'none' },
  '.cm-content': { padding: '6px 8px', caretColor: 'var(--fg)', whiteSpace: 'pre' },
  '.cm-line': { padding: '0' },
  '.cm-variable': { color: 'var(--accent)', backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)', borderRadius: '3px' },
  '.cm-variable-unresolved': { color: 'var(--danger)', backgroundColor: 'color-mix(in srgb, var(--danger) 14%, transparent)', textDecoration: 'underline wavy' },
});

export const VariableField = forwardRef<VariableFieldHandle, Props>(function VariableField(
  { value, onChange, label, unresolved, onEnter, placeholderText, onPasteText },
  ref,
) {
  const enter = useRef(onEnter);
  enter.current = onEnter;
  const pasteText = useRef(onPasteText);
  pasteText.current = onPasteText;
  const decorations = useRef(new Compartment());
  const undo = useRef(new Compartment());
  const { host, view } = useEditorView(value, onChange, () => [
    undo.current.of([]),
    // Before singleLine joins the lines: a pasted multi-line curl command is handed over whole.
    EditorView.domEventHandlers({
      paste(event) {
        const text = event.clipboardData?.getData('text/plain') ?? '';
        if (!text || !pasteText.current?.(text)) return false;
        event.preventDefault();
        return true;
      },
    }),
    singleLine,
    keymap.of([
      {
        key: 'Enter',
        run: () => {
          enter.current?.();
          return true;
        },
      },
    ]),
    // tabindex: the field scrolls sideways, and a scrolling area must be reachable by keyboard (axe checks for it).
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'false', spellcheck: 'false', tabindex: '0' }),
    fieldTheme,
    placeholderText ? placeholder(placeholderText) : [],
    decorations.current.of(highlighter(new Set(unresolved))),
  ]);

  // Undo history comes with @codemirror/commands, which (with the language support it pulls in) is not needed to
  // show and type in the field: it is added once start-up is done and that chunk is loaded.
  useEffect(() => {
    let mounted = true;
    void afterStartup()
      .then(() => import('@codemirror/commands'))
      .then(({ history, historyKeymap }) => {
        if (mounted) view.current?.dispatch({ effects: undo.current.reconfigure([history(), keymap.of(historyKeymap)]) });
      });
    return () => {
      mounted = false;
    };
  }, [view]);

  useImperativeHandle(ref, () => ({
    focus() {
      const v = view.current;
      if (!v) return;
      v.focus();
      v.dispatch({ selection: { anchor: 0, head: v.state.doc.length } });
    },
  }));

  const unresolvedKey = [...unresolved].sort().join('\n');
  useEffect(() => {
    view.current?.dispatch({ effects: decorations.current.reconfigure(highlighter(new Set(unresolvedKey ? unresolvedKey.split('\n') : []))) });
  }, [unresolvedKey]);

  return <div ref={host} className="variable-field" />;
});
