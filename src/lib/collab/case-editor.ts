/**
 * One case-study section as a ProseMirror editor bound to its Yjs fragment by y-prosemirror
 * (sync, remote cursors, undo). Browser only: components import it dynamically after mount.
 */
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { ySyncPlugin, yCursorPlugin, yUndoPlugin, undo, redo } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { caseSchema, DISPUTED, disputedPassages, type DisputedPassage } from './case-schema';

export interface SectionEditorOptions {
	fragment: Y.XmlFragment;
	awareness: Awareness;
	editable: boolean;
	/** Id of the section heading that names the editor. */
	labelledBy: string;
	/** Label for a remote cursor whose user has no name (anonymous activities). */
	someone: string;
	/** Called with the disputed passages after every change. */
	onChange: (passages: DisputedPassage[], hasSelection: boolean) => void;
}

/** A remote cursor: a coloured caret with the server-given label (or "Someone"). */
function cursorBuilder(someone: string) {
	return (user: { name?: string; color?: string }) => {
		const caret = document.createElement('span');
		caret.className = 'remote-cursor';
		caret.style.borderColor = user.color ?? '#1d4ed8';
		const label = document.createElement('span');
		label.className = 'remote-cursor-label';
		label.style.backgroundColor = user.color ?? '#1d4ed8';
		label.textContent = user.name || someone;
		caret.append('\u2060', label, '\u2060');
		return caret;
	};
}

export class SectionEditor {
	readonly view: EditorView;

	constructor(host: HTMLElement, options: SectionEditorOptions) {
		const state = EditorState.create({
			schema: caseSchema,
			plugins: [
				ySyncPlugin(options.fragment),
				yCursorPlugin(options.awareness, { cursorBuilder: cursorBuilder(options.someone) }),
				yUndoPlugin(),
				keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo, 'Mod-b': toggleMark(caseSchema.marks.strong), 'Mod-i': toggleMark(caseSchema.marks.em) }),
				keymap(baseKeymap)
			]
		});
		const report = (s: EditorState) => options.onChange(disputedPassages(s.doc), !s.selection.empty);
		this.view = new EditorView(host, {
			state,
			editable: () => options.editable,
			attributes: {
				role: 'textbox',
				'aria-multiline': 'true',
				'aria-labelledby': options.labelledBy,
				'aria-readonly': String(!options.editable),
				class: 'section-editor'
			},
			// Plugins dispatch while the view is still being constructed, so use the view it is called on.
			// y-prosemirror may still dispatch (batched cursor updates) after the view is destroyed.
			dispatchTransaction(this: EditorView, tr) {
				if (this.isDestroyed) return;
				const next = this.state.apply(tr);
				this.updateState(next);
				report(next);
			}
		});
		report(this.view.state);
	}

	#run(command: Command): boolean {
		const done = command(this.view.state, this.view.dispatch);
		this.view.focus();
		return done;
	}

	bold(): boolean {
		return this.#run(toggleMark(caseSchema.marks.strong));
	}

	italic(): boolean {
		return this.#run(toggleMark(caseSchema.marks.em));
	}

	/** The selected text (what "Mark as disputed" would mark), or '' when nothing is selected. */
	selection(): { from: number; to: number; text: string } {
		const { from, to } = this.view.state.selection;
		return { from, to, text: this.view.state.doc.textBetween(from, to, ' ') };
	}

	/** Marks `from`–`to` as disputed with a reason; false when the range is empty. */
	markDisputed(range: { from: number; to: number }, reason: string, id: string): boolean {
		const size = this.view.state.doc.content.size;
		const from = Math.max(0, Math.min(range.from, size));
		const to = Math.max(from, Math.min(range.to, size));
		if (from === to) return false;
		const mark = caseSchema.marks[DISPUTED]!.create({ id, reason });
		this.view.dispatch(this.view.state.tr.addMark(from, to, mark));
		return true;
	}

	/** Removes every piece of the dispute `id`. */
	resolve(id: string): void {
		const type = caseSchema.marks[DISPUTED]!;
		const tr = this.view.state.tr;
		this.view.state.doc.descendants((node, pos) => {
			const mark = node.isText ? node.marks.find((mk) => mk.type === type && mk.attrs.id === id) : undefined;
			if (mark) tr.removeMark(pos, pos + node.nodeSize, mark);
			return !node.isText;
		});
		if (tr.docChanged) this.view.dispatch(tr);
	}

	destroy(): void {
		this.view.destroy();
	}
}
