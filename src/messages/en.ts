/**
 * Every sentence the Slack app shows a person, in English. Another language is another
 * file with the same keys (the `satisfies` below makes a missing key a type error).
 * Placeholders are `{name}`; numbers are formatted by `t`. Texts are Slack mrkdwn: a literal
 * `<`, `>` or `&` is written `&lt;`, `&gt;`, `&amp;`, and data goes in through escapeMrkdwn.
 */
export const en = {
  // ---- /teamhealth usage -------------------------------------------------------------
  'usage.title': 'How to use /teamhealth',
  'usage.intro':
    'Ask about your team’s health. Everything here is visible only to you unless you press *Share to channel*.',
  'usage.default': '`/teamhealth` — your own view: your team, or your numbers',
  'usage.help': '`/teamhealth help` — this message',
  'usage.team': '`/teamhealth team &lt;name or id&gt;` — one team’s health',
  'usage.metric': '`/teamhealth metric &lt;csat|fcr|aht|qa|answer_rate&gt;` — one metric in detail',
  'usage.tiers': '`/teamhealth tiers` — tier mix and movement (leads and directors)',
  'usage.mix': '`/teamhealth mix` — contact-reason mix and whether it shifted',
  'usage.enablement': '`/teamhealth enablement [initiative]` — did training reach the customer',
  'usage.digest': '`/teamhealth digest` — every team side by side (directors)',
  'usage.unknown': 'I don’t know “{input}”. Here is what I can do:',
  'usage.bad_metric': '“{input}” is not a metric. Pick one of: {metrics}.',
  'usage.needs_team': 'Which team? Try `/teamhealth team &lt;name or id&gt;`.',
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
  'common.no_value': 'no data',
  'common.truncated':
    '_…and {count} more not shown here (Slack allows only so much in one message)._',
  'common.truncated_fallback': '{count} more not shown.',
  'common.bullet': '• {text}',
  'common.n_bare': 'n = {n}',
  'common.more_not_shown': '_{count} more not shown_',
  'common.part': 'Part {part} of {parts}',
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
  'team.balance_speed': ':warning: {reason}.',
  'team.balance_quality': ':warning: {reason}.',
  'team.tier_mix':
    'Tier mix: {top} top · {average} average · {lagging} lagging · {insufficient} not enough contacts yet',
  'team.charts_missing':
    'Charts are not available right now; the numbers in this message are complete.',

  // ---- metric detail -----------------------------------------------------------------
  'metric.header': '{team}: {label}',
  'metric.fallback': '{team} {label}: {value} ({n}), {health}.',
  'metric.trend': '*Trend*: {direction}, {slope} a week ({p}, {points} days)',
  'metric.stability': '*Stability*: {stability}; centre {mean}, limits {lcl} – {ucl}',
  'metric.stability_p_prime':
    '*Stability*: {stability}; centre {mean}; the limits vary with each day’s n ({nLabel}): wider on quiet days, so a low value on a quiet day is not called a signal',
  'metric.signal': '• {rule} {side} on {dates}',
  'metric.signal.beyond_limits': 'Point beyond the limits',
  'metric.signal.run': 'Run of 8',
  'metric.signal.drift': 'Drift of 6',
  'metric.side.above': 'above',
  'metric.side.below': 'below',
  'metric.side.up': 'up',
  'metric.side.down': 'down',
  'metric.monthly': '*By month*: {months}',
  'metric.beside': '*Beside it (quality)*: {lines}',
  'metric.beside_efficiency': '*Beside it (efficiency)*: {lines}',
  'metric.beside_item': '{label} {value} {emoji}',
  'metric.month_value': '{month} {value} (n {n})',

  // ---- tiers -------------------------------------------------------------------------
  'funnel.header':
    '*Worse than the team beyond chance* (outside the 99.8% funnel limits for their n; only you see this)',
  'funnel.flag': '• {label}: {name} {value} ({interval}{n})',
  'funnel.clear':
    '• {labels}: nobody is outside the 99.8% limits on the worse side; the differences are within chance.',
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
  'digest.alert_count': ' · :warning: {count}',
  'digest.why': '*Why*\n{lines}',
  'digest.why_line': '• *{team}* · {label}: {reasons}',
  'digest.why_more_one':
    '_…and {count} more team metric on watch or at risk: `/teamhealth team <name>` shows why._',
  'digest.why_more_other':
    '_…and {count} more team metrics on watch or at risk: `/teamhealth team <name>` shows why._',
  'digest.why_note':
    'Limits are each team’s own control limits. A trend counts only when it is unlikely to be chance (Mann–Kendall p below 0.05); `/teamhealth metric csat` (or any metric) shows the numbers.',
  'digest.enablement': '*Enablement by team*\n{lines}',
  'digest.enablement_line': '*{team}* · {initiative}',
  'digest.chart_title': 'Tier mix by team',
  'digest.org_chart_title': 'Team health at a glance',

  // ---- daily team charts (job) -------------------------------------------------------
  'charts_post.header': '{team}: this week’s team health',
  'charts_post.change_header': '{team}: what changed',
  'charts_post.privacy': 'Team figures only: individual numbers go to each agent privately.',
  'charts_post.count': '{label} {emoji}',
  'charts_post.fallback': '{team}: this week’s team health. {counts}',
  'charts_post.change_fallback': '{team}: what changed since the last post ({count})',
  'charts_post.change.status': '{emoji} *{label}*: {from} → {to}',
  'charts_post.change.signal.beyond_limits_bad':
    '*{label}*: a day beyond its control limits on the worse side ({date})',
  'charts_post.change.signal.beyond_limits_good':
    '*{label}*: a day beyond its control limits on the better side ({date})',
  'charts_post.change.signal.run_bad':
    '*{label}*: 8 or more days in a row on the worse side of its centre line (to {date})',
  'charts_post.change.signal.run_good':
    '*{label}*: 8 or more days in a row on the better side of its centre line (to {date})',
  'charts_post.change.signal.drift_bad':
    '*{label}*: 6 or more days in a row each worse than the last (to {date})',
  'charts_post.change.signal.drift_good':
    '*{label}*: 6 or more days in a row each better than the last (to {date})',
  'charts_post.change.mix': '*Contact reasons* shifted in the last 7 days',
  'charts_post.change.mix_drivers':
    '*Contact reasons* shifted in the last 7 days, led by {reasons}',
  'charts_post.trend_title': '{team}: {label}, daily with limits',
  'charts_post.funnel_title': '{team}: {label} by agent against n (funnel)',
  'charts_post.monthly_title': '{team}: {label}, by month',
  'charts_post.dashboard_title': '{team}: team health',
  'charts_post.mix_title': '{team}: contact reasons',
  'charts_post.enablement_title': '{team}: enablement of {initiative}',
  'charts_post.tiers_title': '{team}: tier mix over time',

  // ---- peer-learning nudge (job) -----------------------------------------------------
  'nudge.header': '{team}: learning from each other',
  'nudge.tip':
    ':bulb: This week the team can gain most on *{label}*. {leader} shares what works:\n>{text}',
  'nudge.talk': 'Want to talk it through? {leader} is happy to help.',
  'nudge.thanks_one': ':clap: {leaders} leads the team on *{label}* this month: thank you!',
  'nudge.thanks_other':
    ':clap: {leaders} share the lead of the team on *{label}* this month: thank you!',
  'nudge.invite_one':
    '{leaders}, would you share what works for you? Your tip reaches colleagues who want to get better at it.',
  'nudge.invite_other':
    '{leaders}, would you share what works for you? Your tips reach colleagues who want to get better at it.',
  'nudge.fallback_tip': '{team}: a tip on {label} from {leader}',
  'nudge.fallback_leader_one': '{team}: {leaders} leads on {label}',
  'nudge.fallback_leader_other': '{team}: {leaders} share the lead on {label}',

  // ---- recognition (job) -------------------------------------------------------------
  'recognition.header': ':tada: {team}: recognition for {week}',
  'recognition.top': ':trophy: *Top of the team* (balanced across quality and speed): {names}',
  'recognition.improved': ':rocket: *Most improved* since the previous weeks: {names}',
  'recognition.bests': ':star2: *Personal bests*\n{lines}',
  'recognition.best': '• {name}: best week yet on {label}',
  'recognition.names_more': '{names} and {count} more',
  'recognition.note':
    'Recognition uses the balanced composite of all five metrics, so quality and speed both count.',
  'recognition.fallback': '{team}: recognition for {week}: {count} to celebrate',

  // ---- agent's own view --------------------------------------------------------------
  'agent.header': 'Your numbers, {name}',
  'agent.fallback': 'Your numbers over {days} days: strength {strength}, focus {focus}.',
  'agent.metric_line': '*{label}*: {value} ({n}) · team median {median}',
  'agent.metric_line_interval': '*{label}*: {value} ({interval}, {n}) · team median {median}',
  'agent.metric_line_few_reviews':
    '*{label}*: {value} ({n}) · not enough reviews yet to compare ({min} needed) · team median {median}',
  'agent.strength_ahead_one':
    ':star: *Your strength*: {labels}. You’re ahead of most of your peers here.',
  'agent.strength_ahead_other':
    ':star: *Your strengths*: {labels}. You’re ahead of most of your peers on each.',
  'agent.strength_best_one': ':star: *Your strongest area this month*: {labels}.',
  'agent.strength_best_other': ':star: *Your strongest areas this month*: {labels}.',
  'agent.focus_one': ':dart: *Your focus*: {labels}. Small steps here will count the most.',
  'agent.focus_other': ':dart: *Your focus areas*: {labels}. Small steps here will count the most.',
  'agent.no_strength': 'Not enough ranked metrics yet to name a strength and a focus; keep going.',
  'agent.even':
    'Your metrics sit level with each other against your peers this month: no single strength or focus stands out.',
  'agent.fallback_none': 'Your numbers over {days} days.',
  'agent.tip': ':bulb: *A tip on {label} from {author}*: {text}',
  'agent.tip_anonymous': 'a colleague',

  // ---- buttons -----------------------------------------------------------------------
  'button.metric': '{label}',
  'button.period': '{days} days',
  'button.monthly': 'Monthly',
  'button.daily': 'Daily',
  'button.share': 'Share to channel',
  'button.snooze': 'Snooze coaching DMs 4 weeks',
  'button.helpful': 'Mark tip helpful',
  'button.share_tip': 'Share a tip',
  'button.back': 'Team summary',
  'button.open_team': 'Open',

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
  'home.more_teams': '{count} more teams: use `/teamhealth team &lt;name&gt;`.',
  'home.more_teams_listed':
    '{count} more teams are listed below without a button: use `/teamhealth team &lt;name&gt;` to open one.',
  'home.team_name': '*{team}*',
  'home.no_data': 'No numbers yet: the data hasn’t been imported.',

  // ---- errors (one global handler) ---------------------------------------------------
  'error.generic':
    'Something went wrong on my side; it has been logged. Please try again in a minute.',
  'error.not_found': 'I couldn’t find that: {detail}',
  'error.no_data': 'There are no numbers to show yet: the data hasn’t been imported.',
  'error.unknown_team':
    'No team called “{team}”. Try `/teamhealth team &lt;name or id&gt;` with one of: {known}.',
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

  // ---- charts: titles, legends, axis labels and alt text ---------------------------
  // Wording shared by every chart (src/charts/specs/wording.ts).
  'chart.days_one': '{count} day',
  'chart.days_other': '{count} days',
  'chart.teams_one': '{count} team',
  'chart.teams_other': '{count} teams',
  'chart.agents_one': '{count} agent',
  'chart.agents_other': '{count} agents',
  'chart.list_and': '{head} and {last}',
  'chart.pts': '{delta} pts',
  'chart.n': 'n = {n}',
  'chart.month': '{month} {year}',
  'chart.date': '{month} {day}',
  'chart.month.1': 'Jan',
  'chart.month.2': 'Feb',
  'chart.month.3': 'Mar',
  'chart.month.4': 'Apr',
  'chart.month.5': 'May',
  'chart.month.6': 'Jun',
  'chart.month.7': 'Jul',
  'chart.month.8': 'Aug',
  'chart.month.9': 'Sep',
  'chart.month.10': 'Oct',
  'chart.month.11': 'Nov',
  'chart.month.12': 'Dec',
  'chart.lower_is_better': ' Lower is better.',
  'chart.signal.above_upper': '{days} above the upper limit',
  'chart.signal.below_lower': '{days} below the lower limit',
  'chart.signal.a_run': 'a run of {days} days',
  'chart.signal.runs': '{count} runs ({days} days)',
  'chart.signal.run_above': '{runs} above the centre line',
  'chart.signal.run_below': '{runs} below the centre line',
  'chart.signal.a_drift': 'a drift of {days} days',
  'chart.signal.drifts': '{count} drifts ({days} days)',
  'chart.signal.drift_up': '{drifts} upwards',
  'chart.signal.drift_down': '{drifts} downwards',
  // Trend and stability (one metric, one team).
  'chart.agent_funnel.title': '{label} by agent against n: {team}',
  'chart.agent_funnel.subtitle':
    'Each dot is one agent at the number of {nLabel} their rate rests on. Inside the funnel a rate can be chance (95% dashed, 99.8% solid, around the team’s {pooled}).',
  'chart.agent_funnel.x_axis': 'n ({nLabel})',
  'chart.agent_funnel.agents': 'Agents within the 99.8% limits',
  'chart.agent_funnel.better': 'Better beyond chance',
  'chart.agent_funnel.worse': 'Worse beyond chance',
  'chart.agent_funnel.centre': 'Team {pooled}',
  'chart.agent_funnel.limits_95': '95% limits (dashed)',
  'chart.agent_funnel.limits_998': '99.8% limits (solid)',
  'chart.agent_funnel.no_data_what': '{label} by agent for {team}',
  'chart.agent_funnel.alt':
    '{label} for {team} by agent: {agents}, each placed at the number of {nLabel} their rate rests on ({minN} to {maxN}), around the team’s pooled {pooled}, with the 95% and 99.8% limits chance allows at each n. {worse} {better}',
  'chart.agent_funnel.worse_none': 'No agent is worse than the team beyond chance.',
  'chart.agent_funnel.worse_below_one':
    '{count} agent is below the 99.8% limits: worse beyond chance.',
  'chart.agent_funnel.worse_below_other':
    '{count} agents are below the 99.8% limits: worse beyond chance.',
  'chart.agent_funnel.worse_above_one':
    '{count} agent is above the 99.8% limits: worse beyond chance.',
  'chart.agent_funnel.worse_above_other':
    '{count} agents are above the 99.8% limits: worse beyond chance.',
  'chart.agent_funnel.better_count_one': '{count} agent is better beyond chance.',
  'chart.agent_funnel.better_count_other': '{count} agents are better beyond chance.',
  'chart.trend.no_data_what': '{label} for {team}',
  'chart.trend.rule.beyond_limits': 'Beyond limits',
  'chart.trend.rule.run': 'Run of 8',
  'chart.trend.rule.drift': 'Drift of 6',
  'chart.trend.signal_worse': '{rule} (worse)',
  'chart.trend.signal_better': '{rule} (better)',
  'chart.trend.daily': 'Daily {label}',
  'chart.trend.line': 'Trend (Theil–Sen)',
  'chart.trend.centre': 'Centre {value}',
  'chart.trend.limits': 'Control limits',
  'chart.trend.title': '{label}, {team}: {parts}',
  'chart.trend.no_limits': 'not enough data for limits',
  'chart.trend.volatile': 'volatile',
  'chart.trend.stable': 'stable',
  'chart.trend.rising_better': 'rising (better)',
  'chart.trend.rising_worse': 'rising (worse)',
  'chart.trend.falling_better': 'falling (better)',
  'chart.trend.falling_worse': 'falling (worse)',
  'chart.trend.all_within': 'all days within limits',
  'chart.trend.no_trend': 'trend n/a',
  'chart.trend.trend': 'trend {slope}/day ({p})',
  'chart.trend.why_n': '{trend} · {n}',
  'chart.trend.held_steady': 'held steady around {value}',
  'chart.trend.stayed_at': 'stayed at {value}',
  'chart.trend.rose': 'rose from {from} to {to}',
  'chart.trend.fell': 'fell from {from} to {to}',
  'chart.trend.went': 'went from {from} to {to}',
  'chart.trend.too_few_days': 'too few days for control limits',
  'chart.trend.none_outside': 'no days outside the control limits',
  'chart.trend.p_prime_note':
    'limits widen on days with few {nLabel}, so a low value on a thin day is not a signal',
  'chart.trend.alt': '{label} for {team} {movement} over {days} days; {signals}.{polarity}',
  // Monthly trend.
  'chart.monthly.no_data_what': 'monthly {label} for {team}',
  'chart.monthly.alt_one': '{label} for {team} in {month}: {value} ({n}).{polarity}',
  'chart.monthly.alt':
    '{label} for {team} by month, {first} to {last}: from {from} to {to} ({delta}). Best month {best} ({bestValue}), worst {worst} ({worstValue}).{polarity}',
  'chart.monthly.series': 'Monthly {label}',
  'chart.monthly.title': '{label} by month, {team}',
  'chart.monthly.subtitle': '{delta} from {first} to {last}',
  'chart.monthly.subtitle_lower': '{delta} from {first} to {last} · lower is better',
  // Contact-reason mix.
  'chart.mix.no_data_what': 'contact reasons of {team}',
  'chart.mix.title_shift': 'Contact mix shifted, {team} ({p})',
  'chart.mix.title_steady': 'Contact mix steady, {team}',
  'chart.mix.title_steady_p': 'Contact mix steady, {team} ({p})',
  'chart.mix.rose': '{reason} rose from {before} to {after}',
  'chart.mix.fell': '{reason} fell from {before} to {after}',
  'chart.mix.of_contacts': '{change} of contacts',
  'chart.mix.no_driver': 'no single reason stands out',
  'chart.mix.alt_shift': 'Contact reasons for {team} shifted in the last 7 days ({p}): {drivers}.',
  'chart.mix.alt_steady':
    'Contact reasons for {team} held steady in the last 7 days against the 28 before ({p}); largest change {change}.',
  'chart.mix.baseline': 'Baseline, 28 days (n = {n})',
  'chart.mix.recent': 'Last 7 days (n = {n})',
  'chart.mix.driver': '▲▼ Driver, last 7 days',
  'chart.mix.subtitle': 'Share of contacts by reason: {baseline} against {recent}',
  // Enablement funnel.
  'chart.funnel.stage.learned': 'Learned',
  'chart.funnel.stage.knowledge_check': 'Knowledge check',
  'chart.funnel.stage.simulation': 'Simulation',
  'chart.funnel.stage.execution': 'Applies it (≥ 80%)',
  'chart.funnel.step.0': 'enrolment',
  'chart.funnel.step.1': 'learning',
  'chart.funnel.step.2': 'the knowledge check',
  'chart.funnel.step.3': 'the simulation',
  'chart.funnel.step.4': 'execution',
  'chart.funnel.no_data_what': 'enablement of {initiative}',
  'chart.funnel.team':
    '{team}: {learned} of {enrolled} learned it, {simulation} passed the simulation, {execution} apply it (biggest drop: {lost} between {from} and {to}).',
  'chart.funnel.alt': 'Enablement of {initiative} across {teams}. {sentences}',
  'chart.funnel.enrolled': '{count} enrolled',
  'chart.funnel.title': 'Enablement: {initiative}',
  'chart.funnel.subtitle':
    'Share of enrolled agents past each checkpoint · biggest drop: {team}, {share} lost at {step}',
  // Tier mix across teams and over time.
  'chart.tiers.top': 'Top',
  'chart.tiers.average': 'Average',
  'chart.tiers.lagging': 'Lagging',
  'chart.tiers.no_data_teams': 'tier mix: no team has tiered agents',
  'chart.tiers.title': 'Tier mix by team',
  'chart.tiers.title_outlier_one':
    'Tier mix by team: {teams} has the most lagging agents ({share})',
  'chart.tiers.title_outlier_other':
    'Tier mix by team: {teams} have the most lagging agents ({share} each)',
  'chart.tiers.team': '{team}: {top} top, {average} average, {lagging} lagging',
  'chart.tiers.team_untiered':
    '{team}: {top} top, {average} average, {lagging} lagging ({new} not yet tiered)',
  'chart.tiers.outlier_one':
    '{teams} stands out: {share} lagging ({counts}) against a median of {median} for the others.',
  'chart.tiers.outlier_other':
    '{teams} stand out: {share} lagging each ({counts}) against a median of {median} for the others.',
  'chart.tiers.of': '{lagging} of {tiered}',
  'chart.tiers.no_outlier':
    'No team stands out: the highest lagging share ({share}) is less than 10 points above the median of the other teams ({median}).',
  'chart.tiers.all_equal': 'Every team has the same lagging share ({share}).',
  'chart.tiers.alt': 'Tier mix across {teams}, as shares of tiered agents. {lead} {list}.',
  'chart.tiers.tiered': '{count} tiered',
  'chart.tiers.tiered_new': '{count} tiered, +{new} new',
  'chart.tiers.subtitle': 'Share of tiered agents · count · share; worst mix first',
  'chart.windows.no_data_what': 'tier mix of {team}: no tiered agents in these windows',
  'chart.windows.one': 'window {label}',
  'chart.windows.span': 'last {count} windows ({first} to {last})',
  'chart.windows.share': '{share} {tier}',
  'chart.windows.move': '{tier} went from {from} to {to}',
  'chart.windows.tier.top': 'top',
  'chart.windows.tier.lagging': 'lagging',
  'chart.windows.alt': 'Tier mix for {team} over the {span}: {lagging} of tiered agents, {top}.',
  'chart.windows.title': 'Tier mix over time, {team}',
  'chart.windows.subtitle':
    'Lagging {laggingFrom} → {laggingTo} · top {topFrom} → {topTo} · counts in bars, n = tiered agents',
  'chart.windows.axis': 'Share of tiered agents',

  // ---- charts drawn without data (src/charts) ----------------------------------------
  // Team dashboard (src/charts/specs/team-dashboard.ts) and organisation dashboard.
  'chart.dashboard.title': '{team}: team health',
  'chart.dashboard.subtitle': 'Daily values, {days} days to {to}, with control limits',
  'chart.dashboard.key':
    'Left: quality · right: efficiency · handle time: lower is better\n● day · ┅ trend · shaded: control limits · ▲■◆ signals',
  'chart.dashboard.panel_title': '{label} · {health}',
  'chart.dashboard.panel_value': '{value} · n = {n}',
  'chart.dashboard.monthly_title': '{label} by month',
  'chart.dashboard.monthly_change': '{delta} since {first}',
  'chart.dashboard.alt_metric': '{label} {health} at {value} (n = {n}), {direction}, {signals}',
  'chart.dashboard.alt_no_data': '{label}: no data in the window',
  'chart.dashboard.alt':
    'Team health for {team}, {days} days to {to}: {healthy} healthy, {watch} on watch, {atRisk} at risk. Quality: {quality}. Efficiency: {efficiency}.',
  'chart.org.title': 'Team health at a glance',
  'chart.org.subtitle': '{teams}, {days} days to {to}; worst first',
  'chart.org.more': '…and {count} more teams in the list below',
  'chart.org.cell.healthy': 'OK',
  'chart.org.cell.watch': 'Watch',
  'chart.org.cell.at_risk': 'At risk',
  'chart.org.cell.insufficient_data': '–',
  'chart.org.alt_team': '{team} ({metrics})',
  'chart.org.alt':
    'Status of {teams} over {days} days to {to}. At risk: {atRisk}. On watch: {watch}. All healthy: {healthy}.',
  'chart.org.alt_none': 'none',
  'chart.no_data_for': 'No data for {what}',
  'chart.no_data_kind': 'No data for this {kind} chart',
  'chart.no_data_hint': 'The chart appears once there are numbers for this period.',

  // ---- metric names and units (src/domain) -------------------------------------------
  'metric.name.csat': 'CSAT',
  'metric.name.fcr': 'First-contact resolution',
  'metric.name.aht': 'Handle time',
  'metric.name.qa': 'QA score',
  'metric.name.answer_rate': 'Answer rate',
  // Short names where room is tight (dashboard panels, the status table's columns).
  'metric.short.csat': 'CSAT',
  'metric.short.fcr': 'FCR',
  'metric.short.aht': 'Handle time',
  'metric.short.qa': 'QA',
  'metric.short.answer_rate': 'Answer rate',
  'metric.n_label.csat': 'survey responses',
  'metric.n_label.fcr': 'contacts',
  'metric.n_label.aht': 'contacts',
  'metric.n_label.qa': 'reviews',
  'metric.n_label.answer_rate': 'assigned contacts',
  'unit.minutes_seconds': '{minutes}m {seconds}s',
  'unit.seconds_short': '{seconds}s',
  'unit.pts': '{delta} pts',
  'unit.interval': '{lo}–{hi}%',
  'unit.percent': '%',
  'unit.minutes': 'minutes',
  'unit.score': 'score',
  'axis.label': '{label} ({unit})',
  'axis.label_lower_better': '{label} ({unit}), lower is better',

  // ---- reasons for a status, from the analytics' facts (src/messages/reasons.ts) ---
  'reason.insufficient_points':
    'a value on {points} of the {days} days; a trend needs at least {min}',
  'reason.no_trend': 'no sustained trend over {days} days',
  'reason.fell': 'fell about {amount} a day over {days} days',
  'reason.rose': 'rose about {amount} a day over {days} days',
  'reason.with_p': '{text} ({p})',
  'reason.beyond_upper': 'above its upper limit {when}',
  'reason.beyond_lower': 'below its lower limit {when}',
  'reason.run_above': 'above its centre line on {count} consecutive days with data: {spans}',
  'reason.run_below': 'below its centre line on {count} consecutive days with data: {spans}',
  'reason.runs_above': 'above its centre line in {runs} runs of 8 days or more: {spans}',
  'reason.runs_below': 'below its centre line in {runs} runs of 8 days or more: {spans}',
  'reason.drift_up': 'moved up on {count} consecutive days with data: {spans}',
  'reason.drift_down': 'moved down on {count} consecutive days with data: {spans}',
  'reason.drifts_up': 'moved up in {drifts} drifts of 6 days or more: {spans}',
  'reason.drifts_down': 'moved down in {drifts} drifts of 6 days or more: {spans}',
  'reason.on_days_one': 'on {list}',
  'reason.on_days_other': 'on {count} days: {list}',
  'reason.span': '{first} – {last}',
  'reason.day_month': '{day} {month}',
  'reason.speed_over_quality_one':
    '{speed} is improving while {quality} is declining: speed may be bought with quality',
  'reason.speed_over_quality_other':
    '{speed} is improving while {quality} are declining: speed may be bought with quality',
  'reason.quality_over_speed_one':
    '{quality} is improving while {speed} is declining: quality may be bought with speed',
  'reason.quality_over_speed_other':
    '{quality} are improving while {speed} is declining: quality may be bought with speed',

  // ---- the dry run's browsable page (teamhealth run --dry-run) ---------------------
  'dryrun.title': 'teamhealth dry run',
  'dryrun.dm_to': 'DM to',
  'dryrun.post_in': 'Post in',
  'dryrun.not_before': 'not before {time}',
  'dryrun.json_link': 'JSON',
  'dryrun.count_one': '{count} message',
  'dryrun.count_other': '{count} messages',
  'dryrun.summary_one': '{count} message that would be posted. Nothing was sent to Slack.',
  'dryrun.summary_other': '{count} messages that would be posted. Nothing was sent to Slack.',
  'dryrun.unknown_block': '[{type} block]',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = { readonly [K in MessageKey]: string };
en satisfies Catalogue;
