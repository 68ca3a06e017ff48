import type { TextScenario } from './scenario.js';
import { clock, code, contact, count, date, duration, money, name, percent, pick, range, weekday } from './slot.js';

const managers = ['Priya Raman', 'Tom Becker', 'Aisha Bello', 'Jonas Berg', 'Mei Tanaka'];
const offices = ['Dublin', 'Rotterdam', 'Austin', 'Singapore', 'Montreal'];
const libraries = ['Prisma', 'Drizzle', 'Sequelize', 'TypeORM'];
const runtimes = ['Node 20', 'Node 18', 'Node 22'];
const carriers = ['DHL', 'UPS', 'FedEx', 'PostNL', 'Royal Mail'];

/** HR, code assistance, returns. */
export const scenariosB: readonly TextScenario[] = [
  {
    domain: 'hr',
    slots: (r) => ({
      days: count(pick(r, [20, 25, 22, 28]), 'day'),
      carry: count(pick(r, [5, 3, 10]), 'day'),
      deadline: date(pick(r, [3, 4, 12]), pick(r, [15, 28, 1])),
      manager: name(pick(r, managers), managers),
      email: contact('hr-leave@acme-corp.example', ['hr-leave@acme-corp.example', 'people@acme-corp.example', 'payroll@acme-corp.example']),
      notice: duration(pick(r, [2, 3, 4]), 'week'),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Full-time employees get {days} of paid leave per year.',
          'Your annual paid leave is {days}.',
          'Each year you are entitled to {days} of paid holiday.',
        ],
      },
      {
        key: true,
        alts: [
          'Up to {carry} can be carried over, and they must be used by {deadline}.',
          'You may carry over {carry}; use them before {deadline}.',
          'Unused leave of up to {carry} rolls over until {deadline}.',
        ],
      },
      {
        alts: [
          'Requests go to your manager, {manager}.',
          '{manager}, your manager, approves leave requests.',
          'Send the request to {manager} for approval.',
        ],
      },
      {
        alts: [
          'Leave requests ⟪must|can⟫ be submitted {notice} in advance.',
          'You ⟪need to|can⟫ ask {notice} ahead of time.',
          'Submit your request {notice} before; this ⟪is mandatory|is recommended⟫.',
        ],
      },
      {
        alts: [
          'Unused days ⟨are|are not⟩ paid out when you leave the company.',
          'If you leave, remaining leave ⟨is paid out|is not paid out⟩.',
          'The company ⟨pays|does not pay⟩ for unused days when you leave.',
        ],
      },
      {
        alts: [
          'Questions about your balance can go to {email}.',
          'For balance questions, write to {email}.',
          'Email {email} if your balance looks wrong.',
        ],
      },
    ],
    short: ['{days} a year; carry over {carry} until {deadline}; ask {manager}.', 'You get {days} per year and can roll over {carry}.'],
    extras: ['Taking regular breaks is encouraged.', 'Your current balance is shown in the HR portal.', 'I hope you get some good rest.'],
    claims: [
      'Leave cannot be taken during the first six months of employment.',
      'Requests made by email are not accepted.',
      'Any leave over 10 days requires approval from the CEO.',
      'Part-time employees are not eligible for carry-over.',
    ],
  },
  {
    domain: 'hr',
    slots: (r) => ({
      office: name(pick(r, offices), offices),
      start: date(pick(r, [5, 6, 9]), 1 + Math.floor(r.next() * 27)),
      at: clock(pick(r, [9, 10]), pick(r, [0, 30])),
      badge: code(`EMP-${Math.floor(r.next() * 90000 + 10000)}`),
      stipend: money(pick(r, [500, 750, 1000, 300])),
      buddy: name(pick(r, managers), managers),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Your first day is {start} at our {office} office.',
          'You start on {start} in {office}.',
          'We will see you at the {office} office on {start}.',
        ],
      },
      {
        key: true,
        alts: ['Please arrive by {at} for orientation.', 'Orientation begins at {at}.', 'Be there at {at}, when orientation starts.'],
      },
      { alts: ['Your employee number is {badge}.', 'You have been assigned employee ID {badge}.', 'Use {badge} as your employee number.'] },
      {
        alts: [
          'You get a home-office stipend of {stipend}.',
          'A {stipend} stipend for home-office equipment is included.',
          'The home-office budget is {stipend}.',
        ],
      },
      {
        alts: [
          'Your onboarding buddy is {buddy}.',
          '{buddy} will be your buddy for the first weeks.',
          'For the first weeks, {buddy} is your go-to person.',
        ],
      },
      {
        alts: [
          'You ⟨need|do not need⟩ to bring your own laptop.',
          'Bringing a personal laptop ⟨is necessary|is not necessary⟩.',
          '⟨Please bring your own laptop|A laptop will be provided, so no need to bring one⟩.',
        ],
      },
      {
        alts: [
          'Before day one you ⟪must|can⟫ sign the contract in the portal.',
          'Signing the contract in the portal ⟪is required|is possible⟫ before you start.',
          'The contract ⟪has to|can⟫ be signed online ahead of your first day.',
        ],
      },
    ],
    short: ['Start {start}, {office}, {at}; ID {badge}; buddy {buddy}.', 'First day {start} at {at} in {office}.'],
    extras: ['Welcome to the team!', 'We are excited to have you on board.', 'Dress code is casual.'],
    claims: [
      'Your probation period is 9 months.',
      'You must complete a drug test before the first day.',
      'Remote work is not allowed during the first year.',
      'The stipend must be repaid if you leave within two years.',
    ],
  },
  {
    domain: 'code',
    slots: (r) => ({
      lib: name(pick(r, libraries), libraries),
      runtime: name(pick(r, runtimes), runtimes),
      file: contact('src/db/schema.ts', ['src/db/schema.ts', 'src/db/client.ts', 'prisma/schema.prisma', 'src/models/user.ts']),
      version: code(`${pick(r, ['5', '6'])}.${Math.floor(r.next() * 9)}.${Math.floor(r.next() * 9)}`),
      timeout: duration(pick(r, [30, 10, 60]), 'minute'),
      pool: count(pick(r, [10, 20, 5]), 'connection'),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'The error comes from {lib} version {version}, which needs {runtime} or later.',
          '{lib} {version} requires {runtime}+, hence the error.',
          'You are on {lib} {version}; that release needs at least {runtime}.',
        ],
      },
      {
        key: true,
        alts: ['Change the pool size in {file} to {pool}.', 'In {file}, set the pool to {pool}.', 'Edit {file} so the pool allows {pool}.'],
      },
      {
        alts: [
          'Idle connections are closed after {timeout}.',
          'The idle timeout is {timeout}.',
          'After {timeout} an idle connection is dropped.',
        ],
      },
      {
        alts: [
          'This change ⟨requires|does not require⟩ a database migration.',
          'You ⟨will|won’t⟩ need to run a migration for this.',
          '⟨A migration is needed|No migration is needed⟩ for this change.',
        ],
      },
      {
        alts: [
          'You ⟪must|can⟫ restart the server for the new pool size to apply.',
          'Restarting the server ⟪is required|is optional⟫ after the change.',
          'The server ⟪has to|can⟫ be restarted to pick up the setting.',
        ],
      },
    ],
    short: [
      '{lib} {version} needs {runtime}; set the pool in {file} to {pool}.',
      'Upgrade to {runtime} ({lib} {version} needs it) and set pool = {pool} in {file}.',
    ],
    extras: [
      'It is a common issue after upgrading dependencies.',
      'Running the test suite afterwards is a good way to confirm the fix.',
      'Let me know if the error persists.',
    ],
    claims: [
      'This version of the library is no longer maintained and must be replaced.',
      'Connection pooling does not work on Windows.',
      'You must also delete the node_modules folder and the lockfile.',
      'Pool sizes above 8 are not supported by the driver.',
    ],
  },
  {
    domain: 'code',
    slots: (r) => ({
      cmd: contact(pick(r, ['npm run build', 'npm run lint', 'npm test']), ['npm run build', 'npm run lint', 'npm test', 'npm run e2e']),
      branch: contact(pick(r, ['release/2.4', 'release/2.5', 'hotfix/1.9']), ['release/2.4', 'release/2.5', 'hotfix/1.9', 'release/3.0']),
      coverage: percent(pick(r, [80, 85, 90])),
      ci: name(pick(r, ['GitHub Actions', 'GitLab CI', 'CircleCI']), ['GitHub Actions', 'GitLab CI', 'CircleCI', 'Jenkins']),
      limit: duration(pick(r, [15, 20, 30]), 'minute'),
      url: contact('https://ci.example.dev/pipelines/8841', [
        'https://ci.example.dev/pipelines/8841',
        'https://ci.example.dev/pipelines/8814',
        'https://ci.example.dev/pipelines/8840',
      ]),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'The pipeline on {branch} failed at the `{cmd}` step.',
          '`{cmd}` is the step that broke on {branch}.',
          'On {branch}, {ci} stopped at `{cmd}`.',
        ],
      },
      {
        key: true,
        alts: [
          'Coverage dropped below the {coverage} threshold.',
          'The job requires {coverage} coverage and you are under it.',
          'You are below the coverage gate of {coverage}.',
        ],
      },
      { alts: ['The full log is at {url}.', 'See {url} for the log.', 'Logs: {url}.'] },
      {
        alts: [
          'Jobs are cancelled after {limit}.',
          'Each job has a limit of {limit}.',
          '{ci} stops any job that runs longer than {limit}.',
        ],
      },
      {
        alts: [
          'Merging ⟨is|is not⟩ blocked until the pipeline passes.',
          'You ⟨cannot|can⟩ merge while the pipeline is red.',
          'The branch protection ⟨blocks|does not block⟩ the merge while checks fail.',
        ],
      },
      {
        alts: [
          'New code ⟪must|can⟫ include tests to lift coverage.',
          'Adding tests ⟪is required|is one way⟫ to get coverage back up.',
          'You ⟪need to|could⟫ add tests for the new module.',
        ],
      },
    ],
    short: ['`{cmd}` failed on {branch}: coverage under {coverage}. Log: {url}.', 'Coverage < {coverage} on {branch}; see {url}.'],
    extras: [
      'Flaky tests can also cause this, but not here.',
      'Happy to help write the missing tests.',
      'The rest of the pipeline looks healthy.',
    ],
    claims: [
      'Pipelines on this branch are billed at $0.08 per minute.',
      'Coverage reports are deleted after 3 days.',
      'Only admins are allowed to re-run failed pipelines.',
      'The coverage gate cannot be changed per branch.',
    ],
  },
  {
    domain: 'returns',
    slots: (r) => ({
      order: code(`#${Math.floor(r.next() * 9000000 + 1000000)}`),
      window: count(pick(r, [30, 14, 60]), 'day'),
      refund: money(pick(r, [59.99, 129, 84.5, 42]), pick(r, ['USD', 'EUR'] as const)),
      carrier: name(pick(r, carriers), carriers),
      restock: percent(pick(r, [10, 15, 20])),
      by: date(pick(r, [7, 8, 10]), 1 + Math.floor(r.next() * 27)),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Order {order} can be returned within {window} of delivery.',
          'You have {window} from delivery to return order {order}.',
          'The return window for {order} is {window}.',
        ],
      },
      {
        key: true,
        alts: [
          'You will get {refund} back to your original payment method.',
          'A refund of {refund} goes to the card you paid with.',
          'We will refund {refund} to your original payment method.',
        ],
      },
      {
        alts: [
          'Drop the parcel off with {carrier} by {by}.',
          'Hand it to {carrier} no later than {by}.',
          'Please ship it with {carrier} before {by}.',
        ],
      },
      {
        alts: [
          'The return label ⟨is|is not⟩ free.',
          'Return shipping ⟨costs you nothing|is not free⟩.',
          '⟨We cover|We do not cover⟩ the cost of the return label.',
        ],
      },
      {
        alts: [
          'Opened electronics carry a restocking fee of {restock}.',
          'A {restock} restocking fee applies to opened electronics.',
          'If an electronic item was opened, {restock} is deducted for restocking.',
        ],
      },
      {
        alts: [
          'Items ⟪must|can⟫ be sent back in their original packaging.',
          'The original packaging ⟪is required|is preferred⟫ for returns.',
          'You ⟪need to|may⟫ use the original box when you send it back.',
        ],
      },
    ],
    short: ['Return {order} within {window} for {refund}; ship with {carrier} by {by}.', '{window} to return {order}; refund {refund}.'],
    extras: ['Sorry the item did not work out.', 'You will get an email once the parcel is scanned.', 'Thanks for shopping with us.'],
    claims: [
      'Sale items are final and cannot be returned.',
      'Refunds are issued as store credit only.',
      'A $7.95 processing fee is deducted from every refund.',
      'Returns from outside the country are not accepted.',
    ],
    varying: { slot: 'window', values: (r) => count(pick(r, [28, 30, 31]), 'day') },
  },
  {
    domain: 'returns',
    slots: (r) => ({
      item: name(pick(r, ['Trailblazer boots', 'Aero headphones', 'Nimbus jacket', 'Orbit lamp']), [
        'Trailblazer boots',
        'Aero headphones',
        'Nimbus jacket',
        'Orbit lamp',
      ]),
      rma: code(`RMA${Math.floor(r.next() * 900000 + 100000)}`),
      days: range(3, pick(r, [5, 7, 10]), 'business days'),
      pickup: weekday(Math.floor(r.next() * 5)),
      from: clock(pick(r, [8, 9, 10])),
      email: contact('returns@shop.example', ['returns@shop.example', 'support@shop.example', 'refunds@shop.example']),
    }),
    sentences: [
      {
        key: true,
        alts: [
          'Your exchange for the {item} is approved under {rma}.',
          'I approved the {item} exchange; the RMA is {rma}.',
          'Exchange {rma} for your {item} has been approved.',
        ],
      },
      {
        key: true,
        alts: [
          'A courier will collect it on {pickup} from {from}.',
          'Pickup is on {pickup}, starting {from}.',
          'The courier comes by on {pickup} after {from}.',
        ],
      },
      {
        alts: [
          'The replacement ships within {days} of us receiving it.',
          'Expect the replacement {days} after it reaches us.',
          'Once it arrives here, the new one leaves within {days}.',
        ],
      },
      {
        alts: [
          'You ⟨will|will not⟩ be charged for the replacement.',
          'The replacement ⟨comes at a cost|comes at no cost⟩ to you.',
          '⟨There is a charge|There is no charge⟩ for the replacement.',
        ],
      },
      {
        alts: [
          'The parcel ⟪must|can⟫ be sealed before pickup.',
          'Please note the box ⟪has to|can⟫ be taped shut before the courier arrives.',
          'Sealing the parcel before pickup ⟪is required|is fine but optional⟫.',
        ],
      },
      {
        alts: ['Questions can go to {email}.', 'Reach us at {email} with any questions.', 'If anything is unclear, write to {email}.'],
      },
    ],
    short: ['Approved ({rma}); pickup {pickup} from {from}.', 'Exchange {rma} approved, courier on {pickup} after {from}.'],
    extras: ['We are sorry the first one was faulty.', 'You will get tracking details by email.', 'Thanks for your patience.'],
    claims: [
      'You must include the original receipt in the box.',
      'Exchanges are limited to one per customer per year.',
      'The courier will charge a $12 pickup fee.',
      'The warranty does not transfer to the replacement.',
    ],
  },
];
