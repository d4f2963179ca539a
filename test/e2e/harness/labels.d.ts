// Types of ./labels.js (the label check of labels.test.ts).
export interface Panel {
	/** "<resource> › <operation>", or "trigger". */
	name: string;
	/** The node type without the package prefix: imoje, imojeTrigger. */
	type: string;
	resource?: string;
	operation?: string;
	/** resource, operation and every shown collection and fixed collection filled in. */
	parameters: Record<string, unknown>;
}
export interface CutOff {
	/** label: a parameter's label; text: another one-line text; placeholder; value: what a field holds. */
	kind: 'label' | 'text' | 'placeholder' | 'value';
	label: string;
	/** always: at rest; hover: while the pointer is on its field (its Fixed/Expression switch shows). */
	when: 'always' | 'hover';
	/** What the panel shows of it (… where it is cut). */
	visible: string;
	parameter?: string;
	scrollWidth: number;
	clientWidth: number;
}
export interface Inspection {
	cut: CutOff[];
	/** Width of the parameters in px. */
	panelWidth: number;
	/** How many labels the panel has (a check that it was found at all). */
	labels: number;
	shots: string[];
}
export interface Editor {
	shotDir: string;
	close(): Promise<void>;
	inspect(opts: { workflowId: string; nodeName: string; shotName: string; stretchLabel?: string }): Promise<Inspection>;
}
export function panelsOf(description: { properties: unknown[] }): Array<Omit<Panel, 'name' | 'type'>>;
export function packagePanels(): Panel[];
export function openEditor(opts: { baseUrl: string; owner?: { email: string; password: string }; shotDir?: string }): Promise<Editor>;
export function writeReport(shotDir: string, results: Array<{ panel: string; cut: CutOff[] }>): string;
export const CHROMIUM: string;
/** n8n 2.x cuts labels with an ellipsis (the self-check's premise); 1.x wraps them. */
export const EDITOR_CUTS_LABELS: boolean;
