import type { INodeProperties } from 'n8n-workflow';

import { eventOptions, statusOptions } from './events';
import { paymentMethodOptions } from '../Imoje/fields/options';

/**
 * imoje retries 3 times 10 s apart, then 5 times each at 5 min, 60 min, 6 h and 12 h, about 3.5 days
 * (https://bump.sh/pgw/doc/imoje-api-en/topic/topic-notifications.md): a bit more.
 */
export const DEFAULT_REPLAY_WINDOW_DAYS = 4;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'imoje has no API for webhooks: paste this node\'s Production URL into the imoje panel (Shops › your shop › Details › Settings › notification address), or pass it as Notification URL when creating a payment. imoje calls only public addresses on port 80 or 443 with no port number in them, so a local n8n needs a tunnel or a reverse proxy. The credential\'s Shop key (or Other Shops below) is required: a notification of a shop without a key is refused, because it could not be verified.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: [],
		options: eventOptions,
		description:
			'Which notifications start the workflow. None selected: all, or only payments when Statuses, Payment Methods or Only Saved-Card Payments is set (those filters describe payments, so a settled refund never passes "Settled" unless Refund is selected here).',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		options: statusOptions,
		description: 'Only notifications with one of these statuses start the workflow. None selected: all.',
	},
	{
		displayName: 'Payment Methods',
		name: 'paymentMethods',
		type: 'multiOptions',
		default: [],
		options: paymentMethodOptions,
		description: 'Only payments made with one of these methods start the workflow. None selected: all.',
	},
	{
		displayName: 'Only Saved-Card Payments',
		name: 'onlySavedCardPayments',
		type: 'boolean',
		default: false,
		description:
			'Whether, among payments, only OneClick and recurring card payments start the workflow (those whose transaction has a paymentProfile, the first card-saving payment included). Other events selected in Events still pass. Output field hasPaymentProfile tells them apart either way.',
	},
	{
		displayName: 'Drop Repeated Notifications',
		name: 'dropDuplicates',
		type: 'boolean',
		default: true,
		description:
			'Whether to answer 200 but not run for a notification already run (same IDs, status and change time, output as notificationKey). Within one running n8n (in queue mode: one webhook process) every repeat is dropped, copies arriving at the same moment too. After a restart or on another webhook process, a repeat is dropped once the first copy\'s execution has ended; one arriving while it still runs, or after n8n stopped during it, can run again, so make the workflow\'s first write idempotent on notificationKey.',
	},
	{
		displayName: 'Replay Window (Days)',
		name: 'replayWindowDays',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: DEFAULT_REPLAY_WINDOW_DAYS,
		description:
			'Ignore notifications older than this many days: one whose change time (modified) is older is answered 200 and does not run, so a captured notification cannot be replayed later. imoje stops retrying after about 3.5 days. 0 turns this off.',
	},
	{
		displayName: 'Other Shops',
		name: 'otherShops',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Shop',
		default: {},
		description:
			'Shops besides the credential\'s whose notifications this trigger accepts, each verified with its own Shop key (imoje panel › Shops › the shop › Details › Data for integration). Add every shop you name in the imoje node\'s Shop ID option with this trigger\'s URL as Notification URL.',
		options: [
			{
				displayName: 'Shop',
				name: 'shop',
				values: [
					{ displayName: 'Shop ID', name: 'shopId', type: 'string', default: '', placeholder: 'e.g. e2bb5020-a185-4f44-ba99-8f2aeb0e3be7', description: 'The shop\'s ID (serviceId, a UUID)' },
					{ displayName: 'Shop Key', name: 'shopKey', type: 'string', typeOptions: { password: true }, default: '', description: 'The shop\'s key, used only to verify its notifications' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Check Sender Address',
				name: 'onlyImojeSenders',
				type: 'boolean',
				default: false,
				description:
					'Whether to answer 403 to requests from outside imoje\'s published ranges (5.196.116.32/28, 51.195.95.0/28, 54.37.185.64/28, 54.37.185.80/28, 147.135.151.16/28). This is the client address n8n sees: behind a reverse proxy or tunnel, set N8N_PROXY_HOPS so n8n reads it from X-Forwarded-For, or every notification will be refused.',
			},
		],
	},
];
