/**
 * Operator commands, run from the project folder:
 *   npm run admin -- create-user --email a@b.org --password '…' [--name "Name"] [--org "Org"]
 * Opens the same database as the app (DATABASE_URL), so it works while the app is running.
 */
import { parseArgs } from 'node:util';
import { config, ConfigError } from '../src/lib/server/config';
import { closeDb, initDb } from '../src/lib/server/db/index';
import { InputError } from '../src/lib/server/input-error';
import { createUser } from '../src/lib/server/users';
import { registerAccount } from '../src/lib/server/accounts';
import { AlreadySetUpError, createFirstAccount, isSetUp } from '../src/lib/server/setup';
import {
	DISPLAY_NAME_MAX_LENGTH,
	ORGANISATION_NAME_MAX_LENGTH,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH
} from '../src/lib/shared/account-rules';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user    Create an account. With --org, also create that organisation with the
                 account as owner. The first account always gets an organisation
                 (named after the person when --org is not given).

Options for create-user:
  --email <address>   email address to sign in with (required)
  --password <text>   ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters (required)
  --name <text>       display name (default: the part of the email before "@")
  --org <text>        name of an organisation to create, owned by the new account

  -h, --help          show this help

Example:
  npm run admin -- create-user --email ana@city.example --password 'long enough secret' --org "City of Example"`;

/** English wording of the input codes; the CLI is for operators and is not translated. */
const ISSUES: Record<string, string> = {
	email_invalid: 'is not a valid email address',
	email_taken: 'already has an account',
	display_name_required: 'must not be empty',
	display_name_too_long: `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters`,
	password_too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
	password_too_long: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
	organisation_required: 'must not be empty',
	organisation_too_long: `must be at most ${ORGANISATION_NAME_MAX_LENGTH} characters`
};

const FLAGS: Record<string, string> = { email: '--email', displayName: '--name', password: '--password', organisation: '--org' };

class UsageError extends Error {}

function describeInputError(error: InputError): string {
	return Object.entries(error.issues)
		.map(([field, code]) => `${FLAGS[field] ?? field} ${ISSUES[code] ?? `is invalid (${code})`}`)
		.join('; ');
}

async function createUserCommand(values: Record<string, string | boolean | undefined>): Promise<string> {
	const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
	const email = str('email');
	const password = str('password');
	if (!email) throw new UsageError('--email is required');
	if (password === undefined) throw new UsageError('--password is required');
	const displayName = str('name') ?? email.trim().split('@')[0] ?? '';
	const org = str('org');

	config(); // fail on bad environment before creating the database file
	const { db } = await initDb();
	if (!(await isSetUp(db))) {
		const organisation = org ?? `${displayName.trim()}'s organisation`;
		const { user, organisation: created } = await createFirstAccount(db, { email, password, displayName, organisation });
		return `Created first account ${user.email} (${user.id}), owner of "${created.name}" (${created.id}).`;
	}
	if (org !== undefined) {
		const { user, organisation } = await registerAccount(db, { email, password, displayName, organisation: org });
		return `Created account ${user.email} (${user.id}), owner of "${organisation.name}" (${organisation.id}).`;
	}
	const user = await createUser(db, { email, password, displayName });
	return `Created account ${user.email} (${user.id}); it belongs to no organisation yet.`;
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		strict: true,
		options: {
			email: { type: 'string' },
			password: { type: 'string' },
			name: { type: 'string' },
			org: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const [command, ...extra] = positionals;
	if (!command) throw new UsageError('no command given');
	if (command !== 'create-user') throw new UsageError(`unknown command "${command}"`);
	if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (quote values that contain spaces)`);
	console.log(await createUserCommand(values));
	return 0;
}

function report(error: unknown): number {
	if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
		console.error(`Error: ${error.message}\n\n${USAGE}`);
	} else if (error instanceof InputError) {
		console.error(`Error: ${describeInputError(error)}.`);
	} else if (error instanceof AlreadySetUpError || error instanceof ConfigError) {
		console.error(`Error: ${error.message}`);
	} else {
		console.error('Error: the command failed unexpectedly:', error);
	}
	return 1;
}

process.exitCode = await main(process.argv.slice(2)).catch(report);
await closeDb();
