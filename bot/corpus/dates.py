"""Parsing the publication dates that articles print, in the shapes newsrooms use."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
ZONES = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "pst": -480,
    "pdt": -420,
    "ist": 330,
    "aest": 600,
}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<zone>utc|gmt|bst|cet|cest|est|edt|cst|cdt|pst|pdt|ist|aest))?)?"
)
DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME,
    re.IGNORECASE,
)
ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
PREFIX = r"(?:date|dated|published|updated|posted|last updated|first published)\s*:?\s*(?:on\s+)?"
_PREFIX_RE = re.compile(r"^\s*(?:" + PREFIX + r")?", re.IGNORECASE)


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    t = text.lower()
    if t in ZONES:
        return timezone(timedelta(minutes=ZONES[t]))
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3))
    return timezone(timedelta(minutes=-minutes if m.group(1) == "-" else minutes))


def _build(groups: dict[str, str | None]) -> date | datetime | None:
    month_raw = groups["month"] or ""
    month = int(month_raw) if month_raw.isdigit() else MONTHS.get(month_raw.lower().rstrip("."))
    try:
        day = date(int(groups["year"] or 0), month or 0, int(groups["day"] or 0))
    except ValueError:
        return None
    if groups.get("hour") is None:
        return day
    hour = int(groups["hour"] or 0)
    minute = int(groups.get("minute") or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day
    second = int(groups.get("second") or 0)
    return datetime(
        day.year, day.month, day.day, hour, minute, second, tzinfo=_zone(groups.get("zone"))
    )


def match_date(text: str, pos: int = 0) -> tuple[date | datetime, int] | None:
    """A date starting exactly at ``pos`` in ``text``: (value, end offset), or None."""
    for pattern in (ISO, DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        m = pattern.match(text, pos)
        if not m:
            continue
        groups = m.groupdict()
        # "12 January 2025, 13" would read a year-like number as an hour: require a time shape.
        if (
            groups.get("hour") is not None
            and pattern is not ISO
            and groups.get("minute") is None
            and not groups.get("ampm")
        ):
            groups["hour"] = None
            end = m.start("hour") if m.start("hour") >= 0 else m.end()
            value = _build(groups)
            return (value, _trim_end(text, end)) if value else None
        value = _build(groups)
        if value is not None:
            return value, m.end()
    return None


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " ,":
        end -= 1
    return end


EARLIEST_YEAR = 1990  # no news archive online carries an earlier publication date
# "GMT+0530" is the offset +05:30, but dateutil reads "GMT+3" the POSIX way (three hours
# west), so the prefix goes before it sees the string.
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)(?=[+-]\d)")
_ZONE_NAME = re.compile(r"\s*\([A-Za-z .]+\)\s*$")  # "(Coordinated Universal Time)"
_FIRST = datetime(2001, 1, 1, 0, 0, 0)
_SECOND = datetime(2002, 2, 2, 1, 1, 1)


def _loose(text: str) -> date | datetime | None:
    """Shapes the patterns above do not know ("Tue Nov 19 2019 03:05:46 GMT+0000",
    "03:05 PM IST Nov 20, 2019"), read by dateutil; only when the year, month and day are
    all written (parsed against two different defaults, anything it filled in differs)."""
    from dateutil import parser as dateutil_parser  # only pages with unusual dates need it

    cleaned = _ZONE_NAME.sub("", _GMT_OFFSET.sub("", text))
    if not re.search(r"\d", cleaned) or len(cleaned) > 80:
        return None
    zones = {name.upper(): minutes * 60 for name, minutes in ZONES.items()}
    try:
        one = dateutil_parser.parse(cleaned, default=_FIRST, tzinfos=zones)
        two = dateutil_parser.parse(cleaned, default=_SECOND, tzinfos=zones)
    except (ValueError, OverflowError):
        return None
    if one.date() != two.date():
        return None  # a year, month or day was missing
    if (one.hour, one.minute) != (two.hour, two.minute):
        return one.date()
    return one.replace(second=one.second if one.second == two.second else 0)


def parse_date(text: str) -> date | datetime | None:
    """Parse a whole string as a publication date ("Published 4 March 2025", ISO, …)."""
    stripped = text.strip()
    start = _PREFIX_RE.match(stripped)
    pos = start.end() if start else 0
    found = match_date(stripped, pos)
    if found and not stripped[found[1] :].strip(" .,"):
        return found[0]
    return _loose(stripped[pos:])


def plausible(value: date | datetime, now: datetime | None = None) -> bool:
    """A publication date that can be true: not before 1990 (placeholders such as
    0001-01-01) and not after tomorrow (a time zone ahead of ours is still today)."""
    latest = (now or datetime.now(UTC)).date() + timedelta(days=1)
    day = value.date() if isinstance(value, datetime) else value
    return day.year >= EARLIEST_YEAR and day <= latest


def split_dateline(line: str) -> tuple[date | datetime, str] | None:
    """A line that starts with a dateline: (date, the rest of the line), else None.

    Handles a line that is only a date ("12 January 2025, 13:30") and one where the body goes
    on after it (" date 2025-01-03 A senior British politician …").
    """
    start = _PREFIX_RE.match(line)
    pos = start.end() if start else 0
    found = match_date(line, pos)
    if not found:
        return None
    value, end = found
    rest = line[end:]
    if rest and not rest[0].isspace() and rest[0] not in ",.;|–—-":
        return None
    return value, rest.lstrip(" ,.;|–—-\t")
