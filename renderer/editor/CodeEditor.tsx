// A CodeMirror 6 editor for request bodies: highlighting for JSON and XML, folding, search (Ctrl/Cmd+F), undo.
// The editor owns its document while it is mounted (see useEditorView).
import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { editorTheme, syntaxColours } from './editorTheme';
import { useEditorView } from './useEditorView';

export type CodeLanguage = 'json' | 'xml' | 'text';

interface Props {
  value: string;
  onChange?: (value: string) => void;
  language: CodeLanguage;
  /** The accessible name of the editing area. */
  label: string;
  readOnly?: boolean;
  placeholderText?: string;
}

function languageExtension(language: CodeLanguage): Extension {
  if (language === 'json') return json();
  if (language === 'xml') return xml();
  return [];
}

export function CodeEditor({ value, onChange, language, label, readOnly = false, placeholderText }: Props) {
  const languageSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());
  const { host, view } = useEditorView(value, onChange, () => [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    syntaxHighlighting(syntaxColours),
    // Mod-Enter belongs to the workbench (send), so CodeMirror's "insert blank line" binding is left out.
    keymap.of([...searchKeymap, ...foldKeymap, ...historyKeymap, indentWithTab, ...defaultKeymap.filter((k) => k.key !== 'Mod-Enter')]),
    EditorView.lineWrapping,
    // tabindex: the editor scrolls, and a scrolling area must be reachable by keyboard (axe's scrollable-region-focusable).
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
    editorTheme,
    placeholderText ? placeholder(placeholderText) : [],
    languageSlot.current.of(languageExtension(language)),
    readOnlySlot.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
  ]);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageExtension(language)) });
  }, [language]);

  useEffect(() => {
    view.current?.dispatch({
      effects: readOnlySlot.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  return <div ref={host} className="code-editor" data-language={language} />;
}
