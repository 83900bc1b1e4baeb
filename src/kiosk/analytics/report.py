"""The curator's report (pure): one self-contained HTML page — inline SVG charts, inline CSS, the exhibit's font
embedded, a content security policy that forbids any fetch — and a CSV file for each table.

Each chart answers one question, written over it in Chinese and English, with a one-line answer beside it.
"""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from html import escape
from pathlib import Path

from kiosk.analytics import charts
from kiosk.analytics.charts import Bar
from kiosk.analytics.summary import duration_text
from kiosk.analytics.tables import WEEKDAYS, WEEKDAYS_ZH, Period, Table
from kiosk.atomic_file import replace_file

REPORT_NAME = "visitor-report.html"
LANGUAGE_NAMES = {"zh": "中文 Chinese", "en": "English 英文"}
TOP_STORIES = 12


def write_csvs(tables: dict[str, Table], out_dir: Path) -> list[Path]:
    """``<name>.csv`` for each table (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables.values():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(["" if value is None else value for value in row] for row in table.rows)
        path = out_dir / f"{table.name}.csv"
        replace_file(path, "\ufeff" + buffer.getvalue())
        written.append(path)
    return written


def write_report(
    tables: dict[str, Table], period: Period, out_dir: Path, *, font: bytes | None, generated: datetime
) -> list[Path]:
    """The HTML page and the CSV files in ``out_dir``; returns their paths, the page first."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / REPORT_NAME
    replace_file(page, report_html(tables, period, font=font, generated=generated))
    return [page, *write_csvs(tables, out_dir)]


# The page ----------------------------------------------------------------------------------------------------------
def _minutes(seconds: float | None) -> str:
    return duration_text(seconds)


def _rows(table: Table) -> Sequence[tuple[object, ...]]:
    return table.rows


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _card(question_zh: str, question_en: str, answer: str, chart: str, note: str = "") -> str:
    note_html = f'<p class="note">{escape(note)}</p>' if note else ""
    return (
        '<section class="card">'
        f'<h2><span class="zh">{escape(question_zh)}</span> <span class="en">{escape(question_en)}</span></h2>'
        f'<p class="answer">{escape(answer)}</p>{chart}{note_html}</section>'
    )


def _per_day(table: Table) -> str:
    rows = _rows(table)
    bars = []
    for day_text, sessions, _median in rows:
        day = date.fromisoformat(str(day_text))
        label = f"{WEEKDAYS[day.weekday()]}\n{day:%m-%d}" if len(rows) <= 31 else f"{day:%m-%d}"
        bars.append(Bar(label, _int(sessions), charts.KAPOK if day.weekday() >= 5 else charts.GOLD))
    busiest = max(rows, key=lambda r: _int(r[1]), default=None)
    answer = "No sessions in this period."
    if busiest is not None and _int(busiest[1]):
        day = date.fromisoformat(str(busiest[0]))
        total = sum(_int(r[1]) for r in rows)
        answer = (
            f"{total} sessions in {len(rows)} days, {total / len(rows):.1f} a day; the busiest day was "
            f"{WEEKDAYS[day.weekday()]} {day.isoformat()} with {_int(busiest[1])}. Weekends in red."
        )
    every = 1 if len(bars) <= 31 else max(1, len(bars) // 15)
    chart = charts.column_chart(bars, "Sessions per day", every=every)
    return _card("每天有多少人来？", "How many visits a day?", answer, chart)


def _per_hour(table: Table) -> str:
    counts = {(WEEKDAYS.index(str(w)), _int(h)): _int(n) for w, h, n in _rows(table)}
    rows = [f"{zh} {en}" for zh, en in zip(WEEKDAYS_ZH, WEEKDAYS)]
    peak = max(counts.items(), key=lambda item: item[1], default=None)
    answer = "No sessions in this period."
    if peak is not None and peak[1]:
        (weekday, hour), n = peak
        by_hour = [sum(counts[(w, h)] for w in range(7)) for h in range(24)]
        best = max(range(24), key=lambda h: by_hour[h])
        answer = (
            f"Busiest hour of the week: {WEEKDAYS[weekday]} {hour:02d}:00–{hour + 1:02d}:00 ({n} sessions); "
            f"over all days, {best:02d}:00–{best + 1:02d}:00 brings the most ({by_hour[best]})."
        )
    chart = charts.heat_map(counts, rows, "Sessions per hour of the week")
    return _card("一周里哪些时段最忙？", "Which hours of the week are busy?", answer, chart)


def _lengths(table: Table, median_s: float | None) -> str:
    rows = _rows(table)
    bars = [Bar(str(label), _int(n), charts.SKY) for label, _low, _high, n in rows]
    total = sum(_int(r[3]) for r in rows)
    long = sum(_int(r[3]) for r in rows if (_float(r[1]) or 0) >= 60)
    answer = "No sessions in this period."
    if total:
        share = 100 * long / total
        answer = f"Median time in use {_minutes(median_s)}; {long} of {total} sessions ({share:.0f}%) lasted 1 min+."
    chart = charts.column_chart(bars, "Session length", height=260)
    note = (
        "Time in use: from the touch that woke the exhibit to the visitor's last touch (the idle time before the "
        "reset is left out)."
    )
    return _card("访客停留多久？", "How long do visitors stay?", answer, chart, note)


def _funnel(table: Table) -> str:
    rows = _rows(table)
    stages = [(f"{zh}\n{en}", _int(n)) for _stage, zh, en, n in rows]
    counts = {str(stage): _int(n) for stage, _zh, _en, n in rows}
    answer = "No sessions in this period."
    if counts.get("home"):
        woke = counts["home"]
        answer = (
            f"{counts['attract']} attract loops, {woke} woken; {100 * counts['pillar'] / woke:.0f}% opened a pillar, "
            f"{100 * counts['story'] / woke:.0f}% a story, {100 * counts['read'] / woke:.0f}% read one to the end."
        )
    note = (
        "Read to the end: a story stayed open for its reading time (its text at 8 Chinese or 15 Latin characters a "
        "second, 4 to 45 s) and the visitor then moved on; one still open at the idle reset is not counted as read."
    )
    return _card("访客走了多远？", "How far do visitors go?", answer, charts.funnel_chart(stages, "Funnel"), note)


def _pillars(table: Table) -> str:
    rows = _rows(table)
    bars = [
        Bar(f"{zh}\n{en}", _int(sessions), str(accent), f"sessions · {_minutes(_float(median))} on the page")
        for _pid, zh, en, accent, sessions, _views, median in rows
    ]
    answer = "No pillar was opened in this period."
    if rows:
        answer = f"{rows[0][1]} {rows[0][2]} drew the most sessions ({_int(rows[0][4])})."
    chart = charts.bar_list(bars, "Sessions per pillar", label_w=330, row_h=46)
    return _card("哪个板块最吸引人？", "Which pillars draw visitors in?", answer, chart)


def _stories(table: Table) -> str:
    rows = list(_rows(table))[:TOP_STORIES]
    bars = []
    for _pillar, _story, _version, zh, en, views, reads, _open, median in rows:
        note = f"views · {_int(reads)} read · {_minutes(_float(median))}"
        bars.append(Bar(f"{zh}\n{en}", _int(views), charts.GOLD, note))
    answer = "No story was opened in this period."
    if rows:
        most_read = max(rows, key=lambda r: (_int(r[6]), _int(r[5])))
        answer = (
            f"Most viewed: {rows[0][4]} ({_int(rows[0][5])} views); most read to the end: {most_read[4]} "
            f"({_int(most_read[6])})."
        )
    chart = charts.bar_list(bars, "Story views", label_w=400, row_h=46)
    note = (
        f"The {len(rows)} most viewed stories; all are in stories.csv. Time: the median time open, of the views a "
        "visitor left by a touch. A story edited in a content update is counted apart, by its version."
    )
    return _card("哪些故事留住了访客？", "Which stories hold visitors?", answer, chart, note)


def _languages(table: Table) -> str:
    rows = _rows(table)
    colours = {"zh": charts.GOLD, "en": charts.SKY}
    parts = [
        Bar(LANGUAGE_NAMES.get(str(lang), str(lang)), _int(chosen), colours.get(str(lang), charts.MUTED))
        for lang, chosen, _s, _sec in rows
    ]
    total = sum(p.value for p in parts)
    switched = sum(_int(r[2]) for r in rows)
    answer = "No sessions in this period."
    if total:
        en = next((_int(r[1]) for r in rows if r[0] == "en"), 0)
        answer = (
            f"{en} of {int(total)} sessions ({100 * en / total:.0f}%) ended in English; {switched} switched "
            "language at least once."
        )
    chart = charts.split_bar(parts, "Language chosen")
    note = "The language a session ended in (every visit starts in the exhibit's default language)."
    return _card("中文还是英文？", "Chinese or English?", answer, chart, note)


def _kpis(tables: dict[str, Table], median_s: float | None) -> str:
    per_day = _rows(tables["sessions_per_day"])
    sessions = sum(_int(r[1]) for r in per_day)
    funnel = {str(r[0]): _int(r[3]) for r in _rows(tables["funnel"])}
    reads = sum(_int(r[6]) for r in _rows(tables["stories"]))  # read_to_end
    en = next((_int(r[1]) for r in _rows(tables["languages"]) if r[0] == "en"), 0)
    tiles = [
        ("访客会话", "Sessions", f"{sessions:,}"),
        ("平均每天", "A day", f"{sessions / max(1, len(per_day)):.1f}"),
        ("停留时间中位数", "Median time in use", _minutes(median_s)),
        ("打开故事的会话", "Opened a story", f"{100 * funnel.get('story', 0) / sessions:.0f}%" if sessions else "—"),
        ("读完的故事", "Stories read to the end", f"{reads:,}"),
        ("选择英文", "Ended in English", f"{100 * en / sessions:.0f}%" if sessions else "—"),
    ]
    return (
        '<section class="kpis">'
        + "".join(
            f'<div class="kpi"><div class="value">{escape(v)}</div><div class="zh">{escape(zh)}</div>'
            f'<div class="en">{escape(en_)}</div></div>'
            for zh, en_, v in tiles
        )
        + "</section>"
    )


STYLE = """
:root { color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; background: #0A1633; color: #F3F6FB; font-family: KioskSans, "Noto Sans CJK SC", "Noto Sans SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.45; }
main { max-width: 1040px; margin: 0 auto; padding: 40px 28px 60px; }
header h1 { margin: 0; font-size: 40px; letter-spacing: 0.02em; }
header h1 .en { color: #A9B6CF; font-weight: 400; font-size: 30px; margin-left: 12px; }
header p { margin: 6px 0 0; color: #A9B6CF; font-size: 16px; }
.accent { height: 4px; width: 120px; background: #F0605A; border-radius: 2px; margin: 18px 0 28px; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin-bottom: 26px; }
.kpi { background: #12234A; border-radius: 14px; padding: 16px 14px; }
.kpi .value { color: #F6C85F; font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; }
.kpi .zh { font-size: 15px; margin-top: 4px; }
.kpi .en { color: #A9B6CF; font-size: 13px; }
.en { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", KioskSans, sans-serif; }
.card { background: #12234A; border-radius: 18px; padding: 22px 24px 18px; margin-bottom: 22px;
  break-inside: avoid; }
.card h2 { margin: 0; font-size: 24px; }
.card h2 .en { color: #A9B6CF; font-weight: 400; font-size: 19px; margin-left: 8px; }
.answer { margin: 6px 0 14px; font-size: 16px; color: #F3F6FB; }
.note { margin: 10px 0 0; color: #A9B6CF; font-size: 13px; }
svg.chart { display: block; font-family: inherit; }
footer { color: #A9B6CF; font-size: 13px; border-top: 1px solid #24375F; padding-top: 14px; }
footer code { color: #F3F6FB; }
@media print { body { background: #0A1633; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""

# After the page is laid out, count the charts that really take room (what a headless browser test reads).
SCRIPT = """
document.addEventListener("DOMContentLoaded", function () {
  var drawn = 0;
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && svg.querySelectorAll("rect").length > 0) { drawn += 1; }
  });
  document.body.setAttribute("data-charts-drawn", String(drawn));
});
"""


def report_html(tables: dict[str, Table], period: Period, *, font: bytes | None, generated: datetime) -> str:
    overview = {str(key): value for key, value in _rows(tables["overview"])}
    median_s = _float(overview.get("median_time_in_use_s"))
    font_face = ""
    if font is not None:
        data = base64.b64encode(font).decode("ascii")
        font_face = (
            f'@font-face {{ font-family: KioskSans; src: url("data:font/otf;base64,{data}") format("opentype"); }}'
        )
    sections = [
        _kpis(tables, median_s),
        _per_day(tables["sessions_per_day"]),
        _per_hour(tables["sessions_per_hour_of_week"]),
        _lengths(tables["session_length"], median_s),
        _funnel(tables["funnel"]),
        _pillars(tables["pillars"]),
        _stories(tables["stories"]),
        _languages(tables["languages"]),
    ]
    csv_names = ", ".join(f"<code>{escape(t.name)}.csv</code>" for t in tables.values())
    days = f"{period.first.isoformat()} – {period.last.isoformat()}"
    csp = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; script-src 'unsafe-inline'; img-src data:"
    return (
        "<!doctype html>\n"
        '<html lang="zh-Hans"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>访客报告 Visitor report {escape(days)}</title>"
        f"<style>{font_face}{STYLE}</style></head><body><main>"
        '<header><h1>访客报告<span class="en">Visitor report</span></h1>'
        f"<p>广州科创迈入全球“第一方阵” · {escape(days)} · {len(period.days())} days · made "
        f'{generated:%Y-%m-%d %H:%M} on the exhibit</p></header><div class="accent"></div>'
        + "".join(sections)
        + "<footer><p>Recorded on the exhibit itself, offline: visits (from the touch that wakes it to the idle "
        "reset), each screen and story with its time on screen, the language, carousel swipes. Nothing about any "
        "person — no camera, no touch positions, no names, no network.</p>"
        f"<p>The same tables as CSV beside this page: {csv_names}.</p></footer>"
        f"</main><script>{SCRIPT}</script></body></html>\n"
    )
