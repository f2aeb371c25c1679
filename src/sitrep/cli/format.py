"""Readable terminal summaries of results."""

from __future__ import annotations

from ..records import CasualtyClaim, Figures, Incident, Result


def _count(claim: CasualtyClaim) -> str:
    c = claim.count
    if c.qualifier == "exact":
        return str(c.low)
    if c.qualifier == "range":
        return f"{c.low}-{c.high}"
    return f"{c.qualifier} {c.low}" + (f"-{c.high}" if c.high not in (None, c.low) else "")


def _figures(f: Figures) -> str:
    if f.best is None and f.low is None and f.high is None:
        return "-"
    return f"{f.low if f.low is not None else '?'}/{f.best if f.best is not None else '?'}/" \
           f"{f.high if f.high is not None else '?'}"


def format_table(result: Result) -> str:
    lines = [f"# {result.id}  published {result.published.date or '?'}"
             + (" (inferred)" if result.published.inferred else "")]
    lines.append(f"{len(result.claims)} claims, {len(result.incidents)} incidents, "
                 f"{len(result.posts)} posts, {len(result.duplicates)} duplicates")
    if result.claims:
        lines.append("")
        lines.append(f"{'id':<5}{'outcome':<10}{'count':<16}{'victims':<17}{'date':<12}{'place':<18}source")
        for c in result.claims:
            source = c.source.name or c.source.kind
            if c.source.handle:
                source = f"{source} ({c.source.handle})"
            lines.append(
                f"{c.id:<5}{c.outcome:<10}{_count(c):<16}{c.victims.category:<17}"
                f"{str(c.date.start or '?'):<12}{(c.location.name if c.location else '-')[:17]:<18}{source}"
            )
    if result.incidents:
        lines.append("")
        lines.append(f"{'id':<5}{'event type':<28}{'date':<12}{'place':<18}{'killed l/b/h':<16}"
                     f"{'injured l/b/h':<16}disputed")
        for i in result.incidents:
            lines.append(_incident_row(i))
    for warning in result.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)


def _incident_row(i: Incident) -> str:
    return (f"{i.id:<5}{(i.event_type or '?')[:27]:<28}{str(i.date.start or '?'):<12}"
            f"{(i.location.name if i.location else '-')[:17]:<18}{_figures(i.killed):<16}"
            f"{_figures(i.injured):<16}{'yes' if i.disputed else 'no'}")
