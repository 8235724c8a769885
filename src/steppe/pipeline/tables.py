"""Read tables (Markdown, HTML, tab- or space-aligned text) into Figures, one per cell.

Periods run along the columns and indicators down the rows; the caption or the
header's first cell carries the unit and scale ("million USD"). A column's period is what
the time grammar (timex.py) reads in its header ("2021", "Q1 2023", "2022 (Jan-Sep)"); a
row's indicator comes from its label (data/words/<lang>.yaml: tables). A cell whose
magnitude cannot belong to its row is kept but flagged in `Figure.suspect`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from steppe.facts import Figure, Span
from steppe.pipeline.context import DocContext, StateMention
from steppe.pipeline.figure_parties import home_first
from steppe.pipeline.quantities import Units, parse_number, read_unit
from steppe.pipeline.timex import TimeGrammar, period_of
from steppe.words import Grammar

__all__ = ["Cell", "Row", "Table", "TableWords", "column_period", "find_tables", "table_figures"]

Mention = StateMention


@dataclass(frozen=True)
class TableWords:
    """The words rows are read with (data/words/<language>.yaml: tables), compiled once."""

    row_kinds: tuple[tuple[re.Pattern[str], str], ...]   # label pattern -> indicator, in order
    towards: re.Pattern[str]         # "Export to X": the flow goes to X
    away: re.Pattern[str]            # "Import from X"
    partner: re.Pattern[str]         # "Trade with X": the header names the partner
    growth: re.Pattern[str]          # "Growth, %": a row of changes
    growth_names: dict[str, str]     # indicator -> its growth's name (data/indicators.yaml `growth`)

    @classmethod
    def from_grammar(cls, grammar: Grammar, growth_names: dict[str, str], language: str = "en") -> TableWords:
        w = grammar.words(language, "tables")
        return cls(
            row_kinds=tuple((re.compile(rf"\b(?:{p})\b"), kind)
                            for p, kind in w.table("row_kind_patterns").items()),
            towards=re.compile(rf"\b(?:{w.alternation('towards_words', escape=True)})\s*$"),
            away=re.compile(rf"\b(?:{w.alternation('away_words', escape=True)})\s*$"),
            partner=re.compile(rf"\b(?:{w.alternation('partner_words', escape=True)})\s+(\w+)"),
            growth=re.compile(rf"(?<!\w)(?:{w.alternation('growth_label_words', escape=True)})(?!\w)", re.I),
            growth_names=dict(growth_names))

    def row_kind(self, label: str) -> str:
        """The indicator a row label names; "other:<its words>" for any other label."""
        low = label.lower()
        kind = next((k for p, k in self.row_kinds if p.search(low)), None)
        if kind:
            return kind
        slug = "_".join(re.findall(r"[a-z]+", low))
        return f"other:{slug}" if slug else ""

    def growth_of(self, kind: str) -> str:
        """The indicator of a row or column of changes in `kind` ("other:trade_growth")."""
        return f"other:{self.growth_names.get(kind, kind.removeprefix('other:'))}_growth"


_NUMBER = re.compile(r"[-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|[-−]?\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Row:
    start: int
    end: int
    label: Cell
    cells: list[Cell]


@dataclass
class Table:
    start: int
    end: int
    header: Row
    rows: list[Row]
    caption: str = ""
    caption_start: int = -1
    periods: list[str | None] = field(default_factory=list)


def _split_line(text: str, start: int, end: int, sep: re.Pattern[str]) -> list[Cell]:
    cells, pos = [], start
    line = text[start:end]
    for m in list(sep.finditer(line)) + [None]:
        stop = start + (m.start() if m else len(line))
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(pos + lead, pos + lead + len(raw.strip()), raw.strip()))
        if m:
            pos = start + m.end()
    return cells


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def column_period(cell: str, time: TimeGrammar) -> str | None:
    """The period a column header names, as the time grammar reads it: "2018", "Q1 2023" ->
    "2023-01/2023-03", "January- November 2021" -> "2021-01/2021-11"; None unless it names
    its year. A header is no sentence: its month names may be in any case ("JAN-SEP 2022")."""
    if not re.search(r"(?:19|20)\d\d", cell):
        return None
    found = [tx for tx in time.find(cell.title(), anchor=None) if tx.value]
    return period_of(max(found, key=lambda t: (t.end - t.start, -t.start))) if found else None


def _is_numeric(cell: str) -> bool:
    """A cell that holds one number ("2 920", "1,352.5", "-3%"); not "...", "-" or "1.234.567"."""
    if not re.fullmatch(r"[-−]?[\d \u00a0\u202f.,]+%?", cell or "") or not re.search(r"\d", cell):
        return False
    try:
        parse_number(cell.replace("−", "-").rstrip("%"))
    except ValueError:
        return False
    return True


def _text_tables(text: str) -> list[tuple[list[Row], int, int]]:
    """Blocks of consecutive lines split by tabs, pipes or runs of 2+ spaces."""
    found = []
    block: list[Row] = []
    for s, e in _lines(text) + [(len(text), len(text))]:
        line = text[s:e]
        sep = None
        if line.strip().startswith("|") and line.count("|") >= 3:
            if re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line):
                continue                  # markdown separator row
            inner_s = s + line.index("|") + 1
            inner_e = s + line.rstrip().rindex("|")
            cells = _split_line(text, inner_s, inner_e, re.compile(r"\|"))
        elif "\t" in line or re.search(r"\S {2,}\S", line):
            sep = re.compile(r"\t+| {2,}")
            cells = _split_line(text, s, e, sep)
        else:
            cells = []
        cells = [c for c in cells if c.text] if sep else cells
        if len(cells) >= 3:
            block.append(Row(s, e, cells[0], cells[1:]))
            continue
        if len(block) >= 2:
            found.append((block, block[0].start, block[-1].end))
        block = []
    return found


def _line_cell(text: str, span: tuple[int, int]) -> Cell:
    s, e = span
    raw = text[s:e]
    lead = len(raw) - len(raw.lstrip())
    return Cell(s + lead, s + lead + len(raw.strip()), raw.strip())


def _is_period_line(line: str, time: TimeGrammar) -> bool:
    """A line that is nothing but a period ("2021", "Jan-Nov 2022"): a column header."""
    line = line.strip()
    return 0 < len(line) <= 30 and not re.search(r"[^\w\s.,()/–—-]", line) and \
        len(re.findall(r"[A-Za-z]+", line)) <= 3 and column_period(line, time) is not None


def _flat_tables(text: str, time: TimeGrammar) -> list[tuple[list[Row], int, int]]:
    """Tables flattened to one cell per line, as web pages lose their layout:

        Country / % per year       <- header label, then one line per period
        2022
        2023
        1                          <- an optional rank, the row label, one line per period
        Kazakhstan                    (an empty line is an empty cell)
        8.1
        7.9
    """
    lines = _lines(text)
    found = []
    i = 0
    while i < len(lines):
        label = text[slice(*lines[i])].strip()
        cols = []
        while i + 1 + len(cols) < len(lines) and _is_period_line(text[slice(*lines[i + 1 + len(cols)])], time):
            cols.append(i + 1 + len(cols))
        if not label or _is_period_line(label, time) or len(cols) < 2:
            i += 1
            continue
        n = len(cols)
        header = Row(lines[i][0], lines[cols[-1]][1], _line_cell(text, lines[i]),
                     [_line_cell(text, lines[k]) for k in cols])
        rows, k = [], cols[-1] + 1
        while k + n < len(lines):
            name = text[slice(*lines[k])].strip()
            if re.fullmatch(r"\d{1,3}\.?", name) and text[slice(*lines[k + 1])].strip() \
                    and not _is_numeric(text[slice(*lines[k + 1])].strip()):
                k += 1                                  # a rank column
                name = text[slice(*lines[k])].strip()
            if not name or _is_numeric(name) or k + n >= len(lines):
                break
            cells = [_line_cell(text, lines[k + 1 + c]) for c in range(n)]
            if not all(_is_numeric(c.text) or not c.text for c in cells) or not any(c.text for c in cells):
                break
            rows.append(Row(lines[k][0], lines[k + n][1], _line_cell(text, lines[k]), cells))
            k += 1 + n
        if rows:
            found.append(([header] + rows, header.start, rows[-1].end))
            i = k
        else:
            i += 1
    return found


def _html_tables(text: str) -> list[tuple[list[Row], int, int]]:
    found = []
    for t in re.finditer(r"<table\b.*?</table>", text, re.I | re.S):
        rows = []
        for tr in re.finditer(r"<tr\b.*?</tr>", t.group(), re.I | re.S):
            base = t.start() + tr.start()
            cells = []
            for td in re.finditer(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", tr.group(), re.I | re.S):
                inner = re.sub(r"<[^>]+>", "", td.group(1)).strip()
                cells.append(Cell(base + td.start(1), base + td.end(1), inner))
            if len(cells) >= 2:
                rows.append(Row(base, base + len(tr.group()), cells[0], cells[1:]))
        if len(rows) >= 2:
            found.append((rows, t.start(), t.end()))
    return found


def find_tables(text: str, time: TimeGrammar) -> list[Table]:
    """Tables whose header row names periods and whose rows hold numbers."""
    tables = []
    for rows, start, end in _html_tables(text) + _text_tables(text) + _flat_tables(text, time):
        head_i = next((i for i, r in enumerate(rows)
                       if sum(column_period(c.text, time) is not None for c in r.cells)
                       >= max(1, len(r.cells) // 2)), None)
        if head_i is None:
            rows = _transposed(rows, start, end, time)
            head_i = 0
        if not rows:
            continue
        header = rows[head_i]
        body = [r for r in rows[head_i + 1:] if any(_is_numeric(c.text) for c in r.cells)]
        if not body:
            continue
        cap_s, caption = _caption(text, rows[0].start)
        tables.append(Table(start, end, header, body, caption=caption + "\n" + header.label.text,
                            caption_start=cap_s, periods=[column_period(c.text, time) for c in header.cells]))
    return tables


def _transposed(rows: list[Row], start: int, end: int, time: TimeGrammar) -> list[Row]:
    """A table with its periods down the first column ("Year | Turnover, $ million" then
    "2021 | 4,100"), turned so that they run along the columns; [] when it is not one."""
    head, body = rows[0], rows[1:]
    if len(body) < 2 or sum(column_period(r.label.text, time) is not None for r in body) < max(2, len(body) // 2):
        return []
    empty = Cell(end, end, "")
    turned = [Row(start, end, head.label, [r.label for r in body])]
    for c, cell in enumerate(head.cells):
        turned.append(Row(start, end, cell, [r.cells[c] if c < len(r.cells) else empty for r in body]))
    return turned


def _caption(text: str, start: int) -> tuple[int, str]:
    """The nearest non-empty line above the table (within three lines)."""
    before = text[:start].rstrip("\n").split("\n")[-3:]
    for line in reversed(before):
        if line.strip():
            return text.rfind(line, 0, start), line.strip()
    return start, ""


def _in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if start <= m[0] and m[1] <= end]


def _row_direction(kind: str, row: Row, ments: list[Mention], partner: str | None,
                   parties: list[str], words: TableWords) -> dict[str, str] | None:
    if kind not in ("exports", "imports"):
        return None
    def other(c: str | None) -> str | None:
        return next((p for p in parties if p != c), None)
    named = _in(ments, row.label.start, row.label.end)
    if named:
        code = named[0][2]
        pre = row.label.text[:named[0][0] - row.label.start].lower()
        if words.towards.search(pre):
            return {"from": other(code) or "", "to": code}
        if words.away.search(pre):
            return {"from": code, "to": other(code) or ""}
        # "Export of Uzbekistan": the state exports; "Import of X" buys.
        return {"from": code, "to": other(code) or ""} if kind == "exports" else {"from": other(code) or "", "to": code}
    if partner:
        reporter = other(partner)
        if reporter:
            return {"from": reporter, "to": partner} if kind == "exports" else {"from": partner, "to": reporter}
    return None


def _best_reading(cell: Cell, typical: float) -> tuple[float | None, str]:
    """Read a cell whose magnitude is off: drop trailing digit groups until it fits."""
    groups = re.split(r"[ \u00a0\u202f]", cell.text)
    for k in range(len(groups) - 1, 0, -1):
        cand = parse_number(" ".join(groups[:k]))
        if typical / 3 <= cand <= typical * 3:
            return cand, f"read as {cand:g} from its leading digits"
    return None, "no reading fits the row"


def table_figures(ctx: DocContext, units: Units, words: TableWords) -> list[Figure]:
    """One Figure per numeric cell of every table of the document (ctx.tables, found once);
    parties from the context's states and main parties, periods from the column headers,
    indicators from the row labels."""
    text, mentions = ctx.text, ctx.states
    main_parties = home_first(sorted(set(ctx.main_parties)), ctx.sentences, mentions)
    figures: list[Figure] = []
    for t in ctx.tables:
        unit = read_unit(t.caption, units) or (("percent", 1.0) if "%" in t.caption else ("", 1.0))
        ments = _in(mentions, t.caption_start, t.end)
        codes = sorted({m[2] for m in ments})
        parties = codes if len(codes) == 2 else sorted(set(main_parties))
        subject = [m[2] for m in _in(mentions, t.caption_start, t.header.end)]
        partner_m = words.partner.search(t.header.label.text)
        hm = _in(mentions, t.header.label.start, t.header.label.end)
        partner = hm[0][2] if hm and partner_m else None
        values: dict[tuple[int, int], float] = {}
        kinds = [words.row_kind(r.label.text) for r in t.rows]
        for ri, row in enumerate(t.rows):
            for ci, c in enumerate(row.cells):
                if _is_numeric(c.text):
                    values[(ri, ci)] = parse_number(c.text.replace("−", "-").rstrip("%"))
        for ri, row in enumerate(t.rows):
            kind = kinds[ri]
            row_parties = parties
            named = _in(mentions, row.label.start, row.label.end)
            if named and kind.startswith("other:"):
                # A row per partner state ("China", "Russia"): the caption says what is
                # measured and whose partners they are.
                state = named[0][2]
                other = next((c for c in subject if c != state), None) or \
                    next((c for c in main_parties if c != state), None)
                row_parties = sorted({state, other} - {None})
                kind = words.row_kind(t.caption)
                if unit[0] == "percent" and not kind.startswith("other:"):
                    kind = f"other:share_of_{kind}"
            row_unit = read_unit(row.label.text, units) or (("percent", 1.0) if "%" in row.label.text else unit)
            if kind.startswith("other:") and words.growth.search(row.label.text) and row_unit[0] == "percent":
                base = words.row_kind(t.caption)       # "Growth, %" under "Kazakhstan-Turkey trade"
                kind = words.growth_of(base) if base else kind
            if not kind or len(row_parties) < 2:
                continue
            direction = _row_direction(kind, row, mentions, partner, row_parties, words)
            row_vals = [v for (r, _), v in values.items() if r == ri]
            typical = median(row_vals) if row_vals else 0.0
            latest = next((p for p in reversed(t.periods) if p), None)
            for ci, c in enumerate(row.cells):
                head = t.header.cells[ci].text if ci < len(t.header.cells) else ""
                if (ri, ci) in values and ci < len(t.periods) and t.periods[ci] is None and latest \
                        and "%" in head + c.text and words.growth.search(head) and kind:
                    # a "Change, %" column beside the years: the growth to the latest of them
                    name = kind if kind.endswith("_growth") else words.growth_of(kind)
                    figures.append(Figure(
                        indicator=name, value=values[(ri, ci)], unit="percent", parties=row_parties,
                        evidence=Span(row.start, row.end, text[row.start:row.end]), direction=direction,
                        period=latest, kind="actual", confidence=0.7))
                    continue
                if (ri, ci) not in values or ci >= len(t.periods) or t.periods[ci] is None:
                    continue      # a column that names no period ("2023/2022, %", "Share") is no level
                v = values[(ri, ci)]
                suspect = None
                typ = typical     # the row median: one wild cell cannot move it
                if typ and (v / typ > 30 or v / typ < 1 / 30):
                    best, why = _best_reading(c, typ)
                    suspect = f"cell {c.text!r} is {v / typ:.0f}x its row's other values; {why}"
                    check = _sum_check(kinds, values, ri, ci, best)
                    if check:
                        suspect += f"; {check}"
                    v = best if best is not None else v
                figures.append(Figure(
                    indicator=kind, value=v * row_unit[1], unit=row_unit[0] or "count", parties=row_parties,
                    evidence=Span(row.start, row.end, text[row.start:row.end]),
                    direction=direction, period=t.periods[ci], kind="actual",
                    suspect=suspect, confidence=0.7,
                ))
    return figures


def _sum_check(kinds: list[str], values: dict[tuple[int, int], float], ri: int, ci: int,
               best: float | None) -> str | None:
    """Compare a Total cell's reading with Export + Import of the same column."""
    if kinds[ri] != "trade_turnover" or best is None:
        return None
    try:
        ex = next(values[(r, ci)] for r, k in enumerate(kinds) if k == "exports")
        im = next(values[(r, ci)] for r, k in enumerate(kinds) if k == "imports")
    except (StopIteration, KeyError):
        return None
    total = ex + im
    verdict = "agrees" if abs(total - best) <= 0.01 * total else "disagrees"
    return f"Export + Import = {total:g}, which {verdict} with {best:g}"
