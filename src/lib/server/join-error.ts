/**
 * Why joining or managing participants was refused. `code` lets routes pick a translated
 * message; field problems (a missing name, an unknown role group) are InputErrors instead.
 */

export type JoinErrorCode = 'not_found' | 'closed' | 'forbidden';

const MESSAGES: Record<JoinErrorCode, string> = {
	not_found: 'No workshop matches this link or code.',
	closed: 'Joining this workshop is closed.',
	forbidden: 'Only owners and facilitators of the organisation can manage joining and participants.'
};

export class JoinError extends Error {
	constructor(readonly code: JoinErrorCode) {
		super(MESSAGES[code]);
		this.name = 'JoinError';
	}
}
