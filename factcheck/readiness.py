"""IFCN readiness: the evidence for each commitment of the Code of Principles.

Signatories of the International Fact-Checking Network prove their
commitments again every year. Each ``Criterion`` here is one thing an
assessor asks for, computed from the CMS's own records at the moment of
asking, with a pass or warn mark and the rows behind the figure, so that the
dashboard, its printable page and its CSV export say the same thing and
nothing is typed in by hand.

Windows are counted back from ``now``: the last ``WEEKS`` weeks for the
desk's output, the last ``ARCHIVE_MONTHS`` months for the public archive.
Only what readers can see counts as published work (scheduled articles and
retracted ones do not).
"""

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import (
    AuthorProfile,
    Claim,
    Correction,
    FactCheck,
    Funder,
    PolicyText,
    ReaderMessage,
    Source,
    SourceSnapshot,
)

#: The desk's output is judged over this many weeks (IFCN: six months).
WEEKS = 26
#: IFCN's minimum: one fact-check a week on average.
PER_WEEK = 1.0
#: The public archive must cover this many months back.
ARCHIVE_MONTHS = 3
#: Share of fact-checks citing at least ``SOURCES`` sources for a pass.
SOURCED_SHARE = 0.9
SOURCES = 2
#: An error report should be acted on within this many days.
CORRECTION_DAYS = 7
#: Share of the cited web sources with a copy in the evidence locker.
ARCHIVED_SHARE = 0.9
#: No one claimant (or party) should account for more than this share of
#: the claims checked: a desk that checks one side only is not non-partisan.
BALANCE_SHARE = 0.5


@dataclass
class Criterion:
    """One thing an assessor asks for, with its evidence."""

    key: str
    principle: str
    title: str
    figure: str
    passed: bool
    why: str
    #: The evidence behind the figure: (label, value) pairs.
    rows: list = field(default_factory=list)

    @property
    def mark(self):
        return _("pass") if self.passed else _("warn")


def _day(value):
    return date_format(timezone.localtime(value), "j M Y")


def _percent(share):
    return f"{share:.0%}"


def recent_work(now):
    """Fact-checks readers can see that were first published in the window."""
    return (
        FactCheck.objects.published()
        .filter(revision_of=None)
        .filter(first_published_at__gt=now - datetime.timedelta(weeks=WEEKS))
    )


def cadence(now):
    """Fact-checks a week over the window, with each week's count."""
    start = now - datetime.timedelta(weeks=WEEKS)
    weeks = Counter(
        (published - start) // datetime.timedelta(weeks=1)
        for published in recent_work(now).values_list("first_published_at", flat=True)
    )
    total = sum(weeks.values())
    rate = total / WEEKS
    rows = [
        (
            _("Week from %(day)s") % {"day": _day(start + datetime.timedelta(weeks=n))},
            weeks.get(n, 0),
        )
        for n in range(WEEKS)
    ]
    return Criterion(
        key="cadence",
        principle=_("Organisation"),
        title=_("Fact-checks a week, last %(weeks)s weeks") % {"weeks": WEEKS},
        figure=f"{rate:.1f}",
        passed=rate >= PER_WEEK,
        why=_("%(total)s fact-checks published; IFCN asks at least %(min)s a week.")
        % {"total": total, "min": f"{PER_WEEK:.0f}"},
        rows=rows,
    )


def archive(now):
    """Whether each of the last months has published work readers can find."""
    rows = []
    for months_back in range(ARCHIVE_MONTHS):
        end = now - datetime.timedelta(days=30 * months_back)
        begin = end - datetime.timedelta(days=30)
        count = (
            FactCheck.objects.published()
            .filter(revision_of=None)
            .filter(first_published_at__gt=begin, first_published_at__lte=end)
            .count()
        )
        rows.append(
            (_("%(begin)s – %(end)s") % {"begin": _day(begin), "end": _day(end)}, count)
        )
    empty = [label for label, count in rows if not count]
    return Criterion(
        key="archive",
        principle=_("Organisation"),
        title=_("Public archive, last %(months)s months") % {"months": ARCHIVE_MONTHS},
        figure=str(sum(count for _label, count in rows)),
        passed=not empty,
        why=(
            _("Every month has published fact-checks, all on the public archive.")
            if not empty
            else _("No fact-check was published in: %(months)s.")
            % {"months": "; ".join(empty)}
        ),
        rows=rows,
    )


def sourcing(now):
    """The share of recent fact-checks citing at least ``SOURCES`` sources."""
    counts = list(
        recent_work(now)
        .annotate(cited=Count("sources"))
        .order_by("-first_published_at")
        .values_list("headline", "cited")
    )
    sourced = sum(1 for _headline, cited in counts if cited >= SOURCES)
    share = sourced / len(counts) if counts else 0.0
    return Criterion(
        key="sourcing",
        principle=_("Sources"),
        title=_("Fact-checks citing at least %(n)s sources") % {"n": SOURCES},
        figure=_percent(share),
        passed=bool(counts) and share >= SOURCED_SHARE,
        why=_("%(sourced)s of %(total)s; a pass needs %(share)s.")
        % {
            "sourced": sourced,
            "total": len(counts),
            "share": _percent(SOURCED_SHARE),
        },
        rows=[(headline, cited) for headline, cited in counts if cited < SOURCES],
    )


def corrections(now):
    """Public change records in the window, and how fast error reports led to one."""
    start = now - datetime.timedelta(weeks=WEEKS)
    issued = Correction.objects.filter(
        issued_at__gt=start, factcheck__in=FactCheck.objects.published()
    )
    by_kind = Counter(issued.values_list("kind", flat=True))
    total = sum(by_kind.values())
    reports = (
        ReaderMessage.objects.filter(
            kind=ReaderMessage.Kind.ERROR, created_at__gt=start
        )
        .annotate(
            corrected_at=Min(
                "factcheck__corrections__issued_at",
                filter=Q(factcheck__corrections__issued_at__gte=F("created_at")),
            )
        )
        .order_by("created_at")
    )
    delays, waiting = [], []
    for report in reports:
        if report.corrected_at is not None:
            delays.append((report.corrected_at - report.created_at).total_seconds())
        elif report.state == ReaderMessage.State.NEW and (
            now - report.created_at > datetime.timedelta(days=CORRECTION_DAYS)
        ):
            waiting.append(report)
    median_days = statistics.median(delays) / 86400 if delays else None
    rows = [
        (Correction.Kind(kind).label, count) for kind, count in sorted(by_kind.items())
    ]
    rows.append((_("Error reports received"), len(reports)))
    rows.append((_("Error reports followed by a correction"), len(delays)))
    rows.append(
        (
            _("Error reports unanswered after %(days)s days")
            % {"days": CORRECTION_DAYS},
            len(waiting),
        )
    )
    slow = median_days is not None and median_days > CORRECTION_DAYS
    return Criterion(
        key="corrections",
        principle=_("Corrections"),
        title=_("Corrections, and how fast they followed a reader's report"),
        figure=(
            ngettext("%(count)s change record", "%(count)s change records", total)
            % {"count": total}
        ),
        passed=not waiting and not slow,
        why=(
            _("Median %(days).1f days from a reader's report to the correction.")
            % {"days": median_days}
            if median_days is not None
            else _("No reader's report led to a correction in the window.")
        )
        + (
            " "
            + _("%(count)s reports still wait to be looked at.")
            % {"count": len(waiting)}
            if waiting
            else ""
        ),
        rows=rows,
    )


def tips(now):
    """Claims readers sent in: the public channel works and is used."""
    start = now - datetime.timedelta(weeks=WEEKS)
    received = ReaderMessage.objects.filter(
        kind=ReaderMessage.Kind.TIP, created_at__gt=start
    )
    total = received.count()
    checked = received.filter(factcheck__in=FactCheck.objects.published()).count()
    return Criterion(
        key="tips",
        principle=_("Organisation"),
        title=_("Claims suggested by readers, last %(weeks)s weeks") % {"weeks": WEEKS},
        figure=str(total),
        passed=total > 0,
        why=_("%(checked)s of them answered by a published fact-check.")
        % {"checked": checked},
        rows=[(_("Received"), total), (_("Answered by a fact-check"), checked)],
    )


def _largest_share(counts):
    total = sum(counts.values())
    if not total:
        return None, 0.0
    name, count = counts.most_common(1)[0]
    return name, count / total


def balance(now):
    """The claims checked by claimant, and by party where claimants have one."""
    claims = Claim.objects.filter(
        factcheck__in=recent_work(now), claimant__isnull=False
    )
    by_claimant = Counter(claims.values_list("claimant__name", flat=True))
    by_party = Counter(
        claims.exclude(claimant__party="").values_list("claimant__party", flat=True)
    )
    top, share = _largest_share(by_claimant)
    top_party, party_share = _largest_share(by_party)
    lopsided = share > BALANCE_SHARE or (
        # One party only is lopsided too, unless a single claim was checked.
        party_share > BALANCE_SHARE and sum(by_party.values()) > 1
    )
    figure = (
        _("%(share)s from %(name)s") % {"share": _percent(share), "name": top}
        if top
        else "—"
    )
    rows = [(name, count) for name, count in by_claimant.most_common(10)]
    rows += [
        (_("Party: %(party)s") % {"party": party}, count)
        for party, count in by_party.most_common()
    ]
    why = _("A pass needs no claimant above %(share)s of the claims checked.") % {
        "share": _percent(BALANCE_SHARE)
    }
    if top_party:
        why += " " + _("The largest party, %(party)s, made %(share)s.") % {
            "party": top_party,
            "share": _percent(party_share),
        }
    return Criterion(
        key="balance",
        principle=_("Non-partisanship"),
        title=_("Balance of the claims checked"),
        figure=figure,
        passed=bool(by_claimant) and not lopsided,
        why=why,
        rows=rows,
    )


def archived(now):
    """The cited web sources of recent work with a copy in our evidence locker."""
    cited = Source.objects.filter(factcheck__in=recent_work(now)).exclude(url="")
    total = cited.count()
    kept = cited.filter(
        Exists(
            SourceSnapshot.objects.filter(
                factcheck=OuterRef("factcheck"), url=OuterRef("url"), is_archive=True
            )
        )
    ).count()
    share = kept / total if total else 0.0
    return Criterion(
        key="archived",
        principle=_("Sources"),
        title=_("Cited web sources with an archived copy"),
        figure=_percent(share),
        passed=bool(total) and share >= ARCHIVED_SHARE,
        why=_("%(kept)s of %(total)s web sources; a pass needs %(share)s.")
        % {"kept": kept, "total": total, "share": _percent(ARCHIVED_SHARE)},
        rows=[(_("Archived"), kept), (_("Not archived"), total - kept)],
    )


def funding(now):
    """Funders on the public page, covering this year or the last."""
    year = timezone.localtime(now).year
    funders = list(Funder.objects.order_by("-year_from", "name"))
    current = [
        funder
        for funder in funders
        if funder.year_from <= year and (funder.year_to or year) >= year - 1
    ]
    ownership = _policy(PolicyText.Kind.OWNERSHIP)
    return Criterion(
        key="funding",
        principle=_("Funding and organisation"),
        title=_("Funding and ownership page"),
        figure=str(len(current)),
        passed=bool(current) and ownership is not None,
        why=_(
            "%(current)s funders cover %(last)s or %(year)s; the ownership statement "
            "is %(ownership)s."
        )
        % {
            "current": len(current),
            "last": year - 1,
            "year": year,
            "ownership": _("published") if ownership else _("missing"),
        },
        rows=[(funder.name, funder.get_amount_band_display()) for funder in current],
    )


def team(now):
    """The people on "Our team", each with a role and a biography."""
    listed = list(AuthorProfile.objects.on_team().order_by("display_name"))
    thin = [profile for profile in listed if not (profile.bio and profile.role)]
    return Criterion(
        key="team",
        principle=_("Funding and organisation"),
        title=_("Team page"),
        figure=str(len(listed)),
        passed=bool(listed) and not thin,
        why=(
            _("Everyone listed has a role and a biography.")
            if listed and not thin
            else _("%(count)s listed without a role or a biography.")
            % {"count": len(thin)}
            if listed
            else _("Nobody is listed yet.")
        ),
        rows=[(profile.display_name, profile.role or "—") for profile in listed],
    )


def _policy(kind):
    text = PolicyText.objects.filter(kind=kind).first()
    return text.current_version() if text else None


def policies(now):
    """The methodology and corrections policy, published and dated."""
    kinds = (PolicyText.Kind.METHODOLOGY, PolicyText.Kind.CORRECTIONS)
    current = {kind: _policy(kind) for kind in kinds}
    rows = [
        (
            kind.label,
            _("version %(n)s of %(day)s")
            % {"n": version.number, "day": _day(version.created_at)}
            if version
            else _("missing"),
        )
        for kind, version in current.items()
    ]
    missing = [str(kind.label) for kind, version in current.items() if not version]
    return Criterion(
        key="policies",
        principle=_("Methodology"),
        title=_("Methodology and corrections policy"),
        figure=f"{len(kinds) - len(missing)} / {len(kinds)}",
        passed=not missing,
        why=(
            _("Both are published, every version dated and kept.")
            if not missing
            else _("Missing: %(texts)s.") % {"texts": ", ".join(missing)}
        ),
        rows=rows,
    )


#: The criteria in the order the Code of Principles lists its commitments.
CRITERIA = (
    cadence,
    archive,
    balance,
    sourcing,
    archived,
    funding,
    team,
    policies,
    corrections,
    tips,
)


def assess(now=None):
    """Every criterion, computed now."""
    now = now or timezone.now()
    return [criterion(now) for criterion in CRITERIA]


def csv_rows(criteria):
    """The export: one row per criterion, then one per piece of its evidence."""
    yield ["criterion", "principle", "figure", "mark", "why", "evidence", "value"]
    for criterion in criteria:
        head = [
            criterion.key,
            criterion.principle,
            criterion.figure,
            criterion.mark,
            criterion.why,
        ]
        yield [*head, "", ""]
        for label, value in criterion.rows:
            yield [criterion.key, "", "", "", "", label, value]
