/**
 * Every sentence the Slack app shows a person, in English. Another language is another
 * file with the same keys (the `satisfies` below makes a missing key a type error).
 * Placeholders are `{name}`; numbers are formatted by `t`.
 */
export const en = {
  // ---- /teamhealth usage -------------------------------------------------------------
  'usage.title': 'How to use /teamhealth',
  'usage.intro':
    'Ask about your team’s health. Everything here is visible only to you unless you press *Share to channel*.',
  'usage.default': '`/teamhealth` — your own view: your team, or your numbers',
  'usage.help': '`/teamhealth help` — this message',
  'usage.team': '`/teamhealth team <name or id>` — one team’s health',
  'usage.metric': '`/teamhealth metric <csat|fcr|aht|qa|answer_rate>` — one metric in detail',
  'usage.tiers': '`/teamhealth tiers` — tier mix and movement (leads and directors)',
  'usage.mix': '`/teamhealth mix` — contact-reason mix and whether it shifted',
  'usage.enablement': '`/teamhealth enablement [initiative]` — did training reach the customer',
  'usage.digest': '`/teamhealth digest` — every team side by side (directors)',
  'usage.unknown': 'I don’t know “{input}”. Here is what I can do:',
  'usage.bad_metric': '“{input}” is not a metric. Pick one of: {metrics}.',
  'usage.needs_team': 'Which team? Try `/teamhealth team <name or id>`.',
  'usage.fallback': 'How to use /teamhealth: help, team, metric, tiers, mix, enablement, digest.',

  // ---- access ------------------------------------------------------------------------
  'access.no_role.title': 'You don’t have access to team health yet',
  'access.no_role.body':
    'teamhealth shows numbers only to the people they belong to: agents see their own, team leads see their teams, directors see every team.',
  'access.no_role.how':
    'To get access, ask your team lead or a teamhealth admin to add your Slack account to the agent list (agents) or to the team’s leads (leads). Directors are configured by the admin.',
  'access.denied.not_your_team': 'That team isn’t one of yours, so I can’t show it.',
  'access.denied.not_your_agent': 'Those numbers belong to someone else, so I can’t show them.',
  'access.denied.lead_or_director_only': 'Only team leads and directors can see that.',
  'access.denied.director_only': 'Only directors can see that.',
  'access.denied.no_role': 'You don’t have access to team health yet.',

  // ---- common ------------------------------------------------------------------------
  'common.window': '{days} days to {asOf} ({from} – {to})',
  'common.n': 'n = {n} {unit}',
  'common.no_value': 'no data',
  'common.truncated':
    '_…and {count} more not shown here (Slack allows only so much in one message)._',
  'common.truncated_fallback': '{count} more not shown.',
  'common.chart_title': '{title}',
  'health.healthy': 'Healthy',
  'health.watch': 'Watch',
  'health.at_risk': 'At risk',
  'health.insufficient_data': 'Not enough data',
  'direction.improving': 'improving',
  'direction.declining': 'declining',
  'direction.flat': 'no sustained change',
  'direction.insufficient_data': 'too few days to tell',
  'stability.stable': 'stable',
  'stability.volatile': 'volatile',
  'stability.insufficient_data': 'too few days to tell',

  // ---- team summary ------------------------------------------------------------------
  'team.header': '{team}: team health',
  'team.fallback':
    '{team}: {healthy} healthy, {watch} to watch, {atRisk} at risk over {days} days.',
  'team.metric_line': '*{label}*: {value} ({n})',
  'team.status_line': '{emoji} {health}: {why}',
  'team.status_fine': 'trend {direction}, {stability}',
  'team.balance_speed': ':warning: Speed bought with quality: {reason}',
  'team.balance_quality': ':warning: Quality bought with speed: {reason}',
  'team.tier_mix':
    'Tier mix: {top} top · {average} average · {lagging} lagging · {insufficient} not enough contacts yet',
  'team.no_agents_shown':
    'Individual numbers are shown only to the agent, their lead and directors.',
  'team.charts_missing': 'Charts are not available right now; the numbers above are complete.',

  // ---- metric detail -----------------------------------------------------------------
  'metric.header': '{team}: {label}',
  'metric.fallback': '{team} {label}: {value} ({n}), {health}.',
  'metric.trend': '*Trend*: {direction}, {slope} a week ({p}, {points} days)',
  'metric.stability': '*Stability*: {stability}; centre {mean}, limits {lcl} – {ucl}',
  'metric.signal': '• {rule} {side} on {dates}',
  'metric.signal.beyond_limits': 'Point beyond the limits',
  'metric.signal.run': 'Run of 8',
  'metric.signal.drift': 'Drift of 6',
  'metric.monthly': '*By month*: {months}',
  'metric.beside': '*Beside it (quality)*: {lines}',
  'metric.beside_efficiency': '*Beside it (efficiency)*: {lines}',

  // ---- tiers -------------------------------------------------------------------------
  'tiers.header': '{team}: tier mix',
  'tiers.fallback': '{team}: {top} top, {average} average, {lagging} lagging.',
  'tiers.mix':
    '*Now*: {top} top · {average} average · {lagging} lagging · {insufficient} not enough contacts',
  'tiers.movement':
    '*Since the previous {days} days*: {up} moved up, {down} moved down, {same} stayed',
  'tiers.group.top': '*Top*',
  'tiers.group.average': '*Average*',
  'tiers.group.lagging':
    '*Lagging* (coach on their focus area; never shared with the agent as “lagging”)',
  'tiers.group.insufficient_data': '*Not enough contacts yet*',
  'tiers.agent': '{name} ({composite})',
  'tiers.none': '_nobody_',
  'tiers.private': 'Individual tiers are for leads and directors only.',

  // ---- contact mix -------------------------------------------------------------------
  'mix.header': '{team}: contact reasons',
  'mix.fallback_shift': '{team}: the contact-reason mix shifted (p {p}).',
  'mix.fallback_steady': '{team}: no shift in the contact-reason mix.',
  'mix.shift': ':warning: The mix shifted: last 7 days against the 28 before ({p}).',
  'mix.steady': 'No shift in the mix: last 7 days against the 28 before ({p}).',
  'mix.counts': '{after} contacts in the last 7 days, {before} in the 28 before.',
  'mix.driver': '• *{reason}*: {before} → {after}',
  'mix.no_data': 'No contact-reason data for this team yet.',

  // ---- enablement --------------------------------------------------------------------
  'enablement.header': '{team}: enablement',
  'enablement.fallback': '{team}: {count} initiative(s).',
  'enablement.initiative':
    '*{initiative}*: learned {learned} · understood {knowledge_check} · can apply {simulation} · doing it {execution}',
  'enablement.diagnosis.not_learned': 'Hasn’t studied it: send the material, set a date',
  'enablement.diagnosis.not_understood': 'Studied, not understood: explain, then re-check',
  'enablement.diagnosis.cannot_apply':
    'Understands, can’t apply yet: practise with a peer who passed',
  'enablement.diagnosis.not_yet_habit': 'Can apply, doesn’t yet: talk it through',
  'enablement.diagnosis.on_track': 'On track',
  'enablement.group': '{diagnosis}: {names}',
  'enablement.none': 'No enablement data for this team.',
  'enablement.unknown_initiative': 'No initiative called “{initiative}”. Known: {known}.',

  // ---- director digest ---------------------------------------------------------------
  'digest.header': 'Director digest: {count} teams',
  'digest.fallback':
    'Director digest for {asOf}: {atRisk} teams at risk, {watch} to watch, {healthy} healthy.',
  'digest.legend':
    ':large_green_circle: healthy  :large_yellow_circle: watch  :red_circle: at risk  :white_circle: not enough data · columns: {columns}',
  'digest.team_line': '*{team}* {statuses} · tiers {top}/{average}/{lagging}{alerts}',
  'digest.alerts_title': '*Alerts*',
  'digest.alert.decline': '{team}: {label} in sustained decline',
  'digest.alert.volatile': '{team}: {label} volatile',
  'digest.alert.mix': '{team}: contact mix shifted',
  'digest.alert.balance': '{team}: {reason}',
  'digest.no_alerts': 'No alerts this week.',

  // ---- agent's own view --------------------------------------------------------------
  'agent.header': 'Your numbers, {name}',
  'agent.fallback': 'Your numbers over {days} days: strength {strength}, focus {focus}.',
  'agent.metric_line': '*{label}*: {value} ({n}) · team median {median}',
  'agent.strength': ':star: *Your strength*: {label}. You’re ahead of most of your peers here.',
  'agent.focus': ':dart: *Your focus*: {label}. Small steps here will count the most.',
  'agent.no_strength': 'Not enough contacts yet to name a strength and a focus; keep going.',
  'agent.tip': ':bulb: *A tip on {label} from {author}*: {text}',
  'agent.tip_anonymous': 'a colleague',

  // ---- buttons -----------------------------------------------------------------------
  'button.metric': '{label}',
  'button.period': '{days} days',
  'button.share': 'Share to channel',
  'button.snooze': 'Snooze coaching DMs 4 weeks',
  'button.helpful': 'Mark tip helpful',
  'button.share_tip': 'Share a tip',
  'button.back': 'Team summary',

  // ---- action answers ----------------------------------------------------------------
  'share.done': 'Shared to <#{channel}>.',
  'share.no_channel': 'This team has no channel configured yet, so there is nowhere to share to.',
  'share.failed': 'I couldn’t share to <#{channel}>: {reason}',
  'snooze.done': 'Coaching DMs are snoozed until {until}. Your numbers stay here in App Home.',
  'helpful.done': 'Thanks! {author} will be glad it helped ({count} found it helpful).',
  'helpful.missing': 'That tip no longer exists.',

  // ---- tip modal ---------------------------------------------------------------------
  'tip.title': 'Share a tip',
  'tip.submit': 'Share',
  'tip.close': 'Cancel',
  'tip.intro':
    'What do you do that helps? Your tip goes to colleagues who want to get better at it.',
  'tip.metric_label': 'Which metric does it help?',
  'tip.metric_placeholder': 'Choose a metric',
  'tip.text_label': 'Your tip',
  'tip.text_placeholder': 'e.g. I confirm the fix with the customer before closing…',
  'tip.consent_label': 'Name me',
  'tip.consent_option': 'Show my name with the tip',
  'tip.consent_hint':
    'Only tips shared with your name are passed on to colleagues; unticked, it is kept but not passed on.',
  'tip.error.metric': 'Pick the metric your tip helps with.',
  'tip.error.text_empty': 'Write your tip (a sentence or two).',
  'tip.error.text_long': 'Keep it to {max} characters; this one has {length}.',
  'tip.error.not_agent': 'Only agents can share tips.',
  'tip.thanks': 'Thanks for sharing your tip on {label}. Colleagues will see it in their coaching.',

  // ---- App Home ----------------------------------------------------------------------
  'home.title_director': 'Every team at a glance',
  'home.title_lead': 'Your teams',
  'home.title_agent': 'Your numbers',
  'home.updated': 'Updated {asOf}. Ask more with `/teamhealth help`.',
  'home.more_teams': '{count} more teams: use `/teamhealth team <name>`.',
  'home.no_data': 'No numbers yet: the data hasn’t been imported.',
  'home.fallback': 'teamhealth App Home',

  // ---- errors (one global handler) ---------------------------------------------------
  'error.generic':
    'Something went wrong on my side; it has been logged. Please try again in a minute.',
  'error.not_found': 'I couldn’t find that: {detail}',
  'error.no_data': 'There are no numbers to show yet: the data hasn’t been imported.',
  'error.unknown_team':
    'No team called “{team}”. Try `/teamhealth team <name or id>` with one of: {known}.',
  'error.not_in_channel':
    'I’m not in <#{channel}>. Invite me with `/invite @teamhealth` and try again.',
  'error.channel_not_found': 'I can’t find that channel (or can’t message that person).',
  'error.is_archived': 'That channel is archived.',
  'error.account_inactive': 'That Slack account is deactivated.',
  'error.ratelimited': 'Slack asked me to slow down. Please try again in a minute.',
  'error.invalid_auth':
    'teamhealth can’t reach Slack right now (its token is not valid). An admin has been told.',
  'error.missing_scope':
    'teamhealth lacks a Slack permission ({needed}). An admin needs to reinstall the app.',
  'error.invalid_blocks': 'Slack refused that message’s layout. It has been logged.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = { readonly [K in MessageKey]: string };
en satisfies Catalogue;
