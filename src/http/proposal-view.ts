/** What the season proposal page prints, in the page's language. */
import { ROLES } from '../domain/index.js';
import type { Role } from '../domain/index.js';
import type { Proposal } from '../season/proposal.js';
import { UNSERVED_REASONS } from '../season/proposal.js';
import type { ProposalProblem, ProposalRequest, ProposalSettings } from '../services/proposal.js';
import { byName, clockSpan, formatNumber, formatPercent, languageLabel, longDate, translator } from './i18n.js';
import type { Locale } from './i18n.js';

/** The page: the form, its problems, and the proposal when there is one. */
export function proposalView(settings: ProposalSettings, problems: readonly ProposalProblem[], found: { proposal: Proposal; request: ProposalRequest } | null, locale: Locale) {
  const t = translator(locale);
  const invalid = Object.fromEntries(problems.map((p) => [p.field, t(`season.proposal.problems.${p.code}`)]));
  return {
    title: t('season.proposal.title'),
    form: settings,
    problems: problems.map((p) => ({ field: p.field, message: t(`season.proposal.problems.${p.code}`) })),
    invalid,
    result: found ? resultView(found.proposal, found.request, settings, locale) : null,
  };
}

function resultView(proposal: Proposal, request: ProposalRequest, settings: ProposalSettings, locale: Locale) {
  const t = translator(locale);
  const n = (x: number) => formatNumber(locale, x);
  const members = new Map(request.input.pool.map((m) => [m.id, m]));
  const sortNames = byName(locale);
  const languages = (codes: readonly string[]) => codes.map((c) => languageLabel(locale, c)).join(', ');
  const roleName = (role: Role) => t(`role.${role}`);
  const counts = new Map<string, number>();
  for (const u of proposal.unserved) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
  return {
    nobody: proposal.waiting === 0,
    noSites: proposal.waiting > 0 && request.input.sites.length === 0,
    none: proposal.waiting > 0 && request.input.sites.length > 0 && proposal.workshops.length === 0
      ? t('season.proposal.none', { minimum: n(settings.minimum) }) : null,
    summary: proposal.workshops.length === 0 ? null : t('season.proposal.summary', {
      waiting: n(proposal.waiting), count: proposal.workshops.length, served: n(proposal.served), bound: n(proposal.bound),
      share: formatPercent(locale, proposal.bound > 0 ? proposal.served / proposal.bound : 0),
    }),
    workshops: proposal.workshops.map((w) => {
      const staff = w.staff.map((id) => members.get(id)!);
      const roles = ROLES.map((role) => ({ role, count: staff.filter((m) => m.role === role).length })).filter((r) => r.count > 0)
        .map((r) => `${n(r.count)} × ${roleName(r.role)}`).join(', ');
      return {
        date: longDate(locale, w.date), iso: w.date,
        createLabel: t('season.proposal.createLabel', { site: w.site.name, date: longDate(locale, w.date) }),
        site: w.site.name, county: w.site.county ?? '', hours: clockSpan(locale, w.opens, w.closes),
        serves: t('season.proposal.servesOf', { served: n(w.served.length), offered: n(w.offered) }),
        bound: t('season.proposal.bound', { bound: n(w.bound) }),
        staffCount: t('season.proposal.staffCount', { count: w.staff.length }),
        roles,
        people: staff.map((m) => ({ name: request.people.get(m.id)?.name ?? '', role: roleName(m.role), languages: languages(m.languages) }))
          .sort((a, b) => sortNames(a.name, b.name)),
        model: { id: w.template, text: t('season.proposal.model', { event: request.models.get(w.template) ?? w.template }) },
      };
    }),
    unserved: UNSERVED_REASONS.filter((r) => counts.has(r)).map((r) => ({ reason: t(`season.proposal.reason.${r}`), count: n(counts.get(r)!) })),
    extra: proposal.extra.map((x) => ({ role: roleName(x.role), languages: languages(x.languages), county: x.county, more: n(x.more) })),
  };
}
