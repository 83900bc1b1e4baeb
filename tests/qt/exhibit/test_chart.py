"""The exhibit's charts: every shipped chart drawn in a Stage in both languages, growing with progress, reading like
the exhibit's numbers, fitting its box, and deaf to every mouse, wheel and touch a visitor might try on it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSceneWheelEvent,
)

from kiosk.content.loader import load_content
from kiosk.content.model import Chart, ChartItem, Content, Pillar
from kiosk.content.text import Affix, Text
from kiosk.paths import PROJECT_ROOT, default_assets_dir
from kiosk.qt.exhibit.charts.chart import ChartGraphic, ChartStyle
from kiosk.qt.exhibit.charts.kinds import nice_scale, staggered
from kiosk.qt.foundations.fonts import load_bundled_fonts
from kiosk.qt.foundations.stage import Stage
from kiosk.qt.foundations.typography import Typography

pytestmark = pytest.mark.gui

CONTENT: Content = load_content(PROJECT_ROOT / "content").content  # type: ignore[assignment]
SHIPPED = [(pillar, chart) for pillar in CONTENT.pillars for chart in pillar.charts]
SIZES = [
    (760, 420),
    (960, 520),
    (640, 290),
]  # the last one wide and low: the compact layouts (text on the scale: 30 px at least)
ORIGIN = QPointF(120, 140)  # where the chart sits on the 1920×1080 stage
# What each shipped chart must show: its values in both languages, as the exhibit writes numbers.
VALUES = {
    "axis-shares": {"zh": ["约30%", "51%", "74%"], "en": ["about 30%", "51%", "74%"]},
    "awards-led-chart": {"zh": ["11项"], "en": ["11"]},
    "talent-rankings": {"zh": ["第3位", "第1位"], "en": ["No. 3", "No. 1"]},
}
WHOLE = {"zh": "/ 26项", "en": "/ 26"}
PLACES = {  # the places of a ranking table, each row: first place to a round number at least the worst rank shown
    "talent-rankings": ["1", "2", "3", "4", "5"] * 2,
}


def _ids(case: tuple[Pillar, Chart]) -> str:
    return case[1].id


@pytest.fixture(scope="module")
def typography(qapp) -> Typography:
    return Typography(load_bundled_fonts(default_assets_dir())[0])


@pytest.fixture
def show(qtbot, typography):
    """Put a chart on a shown 1920×1080 Stage; returns (stage, graphic)."""
    scenes: list[QGraphicsScene] = []  # a view does not keep its scene alive

    def make(pillar: Pillar, chart: Chart, language: str, size: tuple[int, int]) -> tuple[Stage, ChartGraphic]:
        scenes.append(QGraphicsScene())
        stage = Stage(scenes[-1], QColor(CONTENT.exhibit.theme.ground))
        qtbot.addWidget(stage)
        stage.resize(1920, 1080)
        stage.show()
        qtbot.waitExposed(stage)
        style = ChartStyle(language, CONTENT.exhibit.theme, pillar.accent)  # type: ignore[arg-type]
        graphic = ChartGraphic(chart, style, typography, *size)
        stage.scene().addItem(graphic)
        graphic.setPos(ORIGIN)
        return stage, graphic

    return make


def _pixels(stage: Stage, scene_rect: QRectF) -> np.ndarray:
    """The stage's pixels over ``scene_rect`` as an (h, w, 3) RGB array."""
    rect = stage.mapFromScene(scene_rect).boundingRect()
    image = stage.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    bgra = raw[:, : image.width() * 4].reshape(image.height(), image.width(), 4)
    return bgra[:, :, 2::-1].astype(int)


def _near(pixels: np.ndarray, colour: str, tolerance: int = 24) -> int:
    wanted = QColor(colour)
    target = np.array([wanted.red(), wanted.green(), wanted.blue()])
    return int(np.all(np.abs(pixels - target) <= tolerance, axis=2).sum())


def _chart_pixels(stage: Stage, graphic: ChartGraphic) -> np.ndarray:
    return _pixels(stage, graphic.sceneBoundingRect())


def _values(graphic: ChartGraphic) -> list[str]:
    return [block.text for block in graphic.text_blocks() if ":value:" in block.origin]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("case", SHIPPED, ids=_ids)
def test_chart_draws_in_the_accent_and_every_text_fits(show, case, language, size) -> None:
    pillar, chart = case
    stage, graphic = show(pillar, chart, language, size)
    pixels = _chart_pixels(stage, graphic)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50, "the chart looks blank"
    assert _near(pixels, pillar.accent) > 2000, "the pillar's accent colour is (nearly) missing"
    assert _near(pixels, CONTENT.exhibit.theme.number) > 300, "no value in gold"
    blocks = graphic.text_blocks()
    assert blocks and all(block.text for block in blocks)
    assert [block.text for block in blocks if block.elided] == []
    assert graphic.fit_scale == 1.0, "the chart had to be scaled down to fit"
    _assert_texts_inside_and_apart(graphic)


def _assert_texts_inside_and_apart(graphic: ChartGraphic) -> None:
    blocks = graphic.text_blocks()
    box = graphic.boundingRect().adjusted(-0.01, -0.01, 0.01, 0.01)
    boxes = [graphic.mapRectFromItem(block, block.boundingRect()) for block in blocks]
    for block, rect in zip(blocks, boxes):
        assert box.contains(rect), f"{block.origin} {block.text!r} sticks out of the chart: {rect}"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = a.intersected(b)
            assert overlap.width() * overlap.height() < 1, f"text boxes overlap: {a} {b}"


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("chart_id", sorted(VALUES))
def test_values_read_like_the_exhibits_numbers(show, chart_id, language) -> None:
    pillar, chart = next(case for case in SHIPPED if case[1].id == chart_id)
    _stage, graphic = show(pillar, chart, language, SIZES[0])
    assert _values(graphic) == VALUES[chart_id][language]
    if chart.type == "part_of_whole":
        assert [b.text for b in graphic.text_blocks() if b.origin.endswith(":whole")] == [WHOLE[language]]
    if chart.type == "rank":
        places = [b.text for b in graphic.text_blocks() if ":place:" in b.origin]
        assert places == PLACES[chart_id]


@pytest.mark.parametrize("case", SHIPPED, ids=_ids)
def test_progress_grows_the_chart_from_nothing(show, typography, case) -> None:
    pillar, chart = case
    stage, graphic = show(pillar, chart, "en", SIZES[0])
    assert graphic.progress == 1.0
    final = _near(_chart_pixels(stage, graphic), pillar.accent)
    fonts, items = len(typography), len(stage.scene().items())
    counts = []
    for progress in (0.0, 0.25, 0.5, 0.75, 1.0):
        graphic.set_progress(progress)
        counts.append(_near(_chart_pixels(stage, graphic), pillar.accent))
    assert (len(typography), len(stage.scene().items())) == (fonts, items), "set_progress made fonts or items"
    assert counts[-1] == final
    assert counts == sorted(counts) and len(set(counts)) == len(counts), f"not growing: {counts}"
    if chart.type == "part_of_whole":
        assert counts[0] < 0.05 * final, f"only the key's swatch may be lit at 0: {counts}"
    else:
        assert counts[0] == 0, f"something is drawn at progress 0: {counts}"
    graphic.set_progress(-3)
    assert graphic.progress == 0.0
    graphic.set_progress(7)
    assert graphic.progress == 1.0


@pytest.mark.parametrize(("size", "beside"), [((760, 420), False), ((640, 290), True)], ids=["roomy", "low"])
def test_a_low_box_puts_labels_beside_their_bars(show, size, beside) -> None:
    pillar, chart = next(case for case in SHIPPED if case[1].id == "axis-shares")
    _stage, graphic = show(pillar, chart, "zh", size)
    blocks = graphic.text_blocks()
    for index in range(len(chart.items)):
        label, value = (next(b for b in blocks if b.origin.endswith(f":{role}:{index}")) for role in ("label", "value"))
        label_box, value_box = label.sceneBoundingRect(), value.sceneBoundingRect()
        if beside:
            assert label_box.top() < value_box.center().y() < label_box.bottom()
        else:
            assert label_box.bottom() <= value_box.top()
    assert graphic.fit_scale == 1.0


def _crowded(kind: str) -> Chart:
    """As much as a chart may hold: eight items with long labels."""
    label = Text(
        zh="广州科技创新综合实力持续增强的重要标志之一" * 2,
        en="One of the many signs of Guangzhou's growing strength " * 2,
    )
    items = [ChartItem(label=label, value=value, qualifier="about") for value in (3, 9, 17, 25, 34, 48, 61, 99)]
    extra = {"total": 400, "total_label": label} if kind == "part_of_whole" else {}
    return Chart(
        id="crowded-" + kind.replace("_", "-"),
        type=kind,
        title=Text(zh="标题"),
        items=items,
        unit=Affix(zh="%", en="%") if kind == "share" else None,
        source="来源",
        **extra,
    )


@pytest.mark.parametrize("size", [(760, 420), (480, 300), (1200, 240)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("kind", ["share", "rank", "part_of_whole"])
def test_a_crowded_chart_still_stays_inside_its_box(show, kind, language, size) -> None:
    pillar = CONTENT.pillars[1]
    stage, graphic = show(pillar, _crowded(kind), language, size)
    assert 0 < graphic.fit_scale <= 1
    if kind != "part_of_whole":  # eight rows of long labels cannot fit at full size: scaled down, not spilled
        assert graphic.fit_scale < 1
    _assert_texts_inside_and_apart(graphic)
    inside = graphic.sceneBoundingRect()
    for item in graphic.view_box.childGroup.childItems():
        if item.isVisible():
            assert inside.adjusted(-1, -1, 1, 1).contains(item.sceneBoundingRect()), item
    final = _chart_pixels(stage, graphic)
    graphic.set_progress(0.0)
    assert not np.array_equal(_chart_pixels(stage, graphic), final), "nothing grows"


def test_the_city_s_place_is_lit_on_the_ranking_table(show) -> None:
    """First place is on the left: No. 3 lights the third step of its row, No. 1 the first, and nothing a visitor
    could take for a slider's handle (a round marker) is drawn."""
    pillar, chart = next(case for case in SHIPPED if case[1].id == "talent-rankings")  # No. 3 and No. 1
    stage, graphic = show(pillar, chart, "en", SIZES[0])
    reach = []
    for block in (b for b in graphic.text_blocks() if ":value:" in b.origin):
        band = block.sceneBoundingRect()
        row = QRectF(graphic.sceneBoundingRect().left(), band.top(), graphic.boundingRect().width(), band.height())
        lit = np.nonzero(np.all(np.abs(_pixels(stage, row) - _rgb(pillar.accent)) <= 24, axis=2))[1]
        reach.append(lit.max())
    assert reach[0] > reach[1] + 150, f"No. 3 should be lit well right of No. 1: {reach}"
    assert not [i for i in _all_items(graphic) if type(i).__name__ == "ScatterPlotItem"], "a round marker is drawn"


def test_a_ranking_table_in_a_low_box_sets_each_label_on_its_row(show) -> None:
    """In a box too low for a label over each row of steps (a pillar page's row of figures at 1080p), each label
    stands between its rank and its steps, at full text size: nothing is scaled down."""
    pillar, chart = next(case for case in SHIPPED if case[1].id == "talent-rankings")
    stage, graphic = show(pillar, chart, "en", (830, 160))
    assert graphic.fit_scale == 1.0
    blocks = graphic.text_blocks()
    for index in range(len(chart.items)):
        label = next(b for b in blocks if b.origin.endswith(f":label:{index}")).sceneBoundingRect()
        value = next(b for b in blocks if b.origin.endswith(f":value:{index}")).sceneBoundingRect()
        first = next(b for b in blocks if b.origin.endswith(f":place:{index}:1")).sceneBoundingRect()
        assert value.right() <= label.left() and label.right() <= first.left(), (value, label, first)
        assert value.top() <= label.center().y() <= value.bottom()
    ranks = [b for b in blocks if ":value:" in b.origin]
    assert len({b.fitted.px for b in ranks}) == 1 and not any(b.elided for b in ranks), "the ranks share one size"
    # In a box with room, the label runs above its steps as before.
    stage, roomy = show(pillar, chart, "en", SIZES[0])
    blocks = roomy.text_blocks()
    label = next(b for b in blocks if b.origin.endswith(":label:0")).sceneBoundingRect()
    first = next(b for b in blocks if b.origin.endswith(":place:0:1")).sceneBoundingRect()
    assert label.bottom() <= first.top() + 1


def _rgb(colour: str) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()])


def _all_items(item: QGraphicsItem) -> list[QGraphicsItem]:
    return [item] + [grand for child in item.childItems() for grand in _all_items(child)]


class Floor(QGraphicsRectItem):
    """The page under the chart: it should get every press, drag and wheel a visitor aims at the chart."""

    def __init__(self, rect: QRectF):
        super().__init__(rect)
        self.setZValue(-1000)
        self.seen: list[str] = []

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.seen.append("press")
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.seen.append("move")

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.seen.append("release")

    def wheelEvent(self, event: QGraphicsSceneWheelEvent) -> None:
        self.seen.append("wheel")
        event.accept()


@pytest.mark.parametrize("case", SHIPPED, ids=_ids)
def test_no_mouse_touch_or_wheel_moves_the_chart(show, qtbot, case) -> None:
    pillar, chart = case
    stage, graphic = show(pillar, chart, "zh", SIZES[0])
    view_box = graphic.view_box
    assert view_box.state["mouseEnabled"] == [False, False] and not view_box.menuEnabled()
    for item in _all_items(graphic):
        assert item.acceptedMouseButtons() == Qt.MouseButton.NoButton, item
        assert not item.acceptHoverEvents() and not item.acceptTouchEvents(), item
    floor = Floor(stage.scene().sceneRect())
    stage.scene().addItem(floor)
    before = (view_box.viewRange(), view_box.childGroup.transform(), graphic.scenePos())
    image_before = _chart_pixels(stage, graphic)
    viewport = stage.viewport()
    centre = stage.mapFromScene(graphic.sceneBoundingRect().center())
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
        QTest.mousePress(viewport, button, Qt.KeyboardModifier.NoModifier, centre)
        assert stage.scene().mouseGrabberItem() is floor, "the chart took the mouse"
        for step in range(1, 8):
            QTest.mouseMove(viewport, centre + QPoint(step * 40, step * 12))
        QTest.mouseRelease(viewport, button, Qt.KeyboardModifier.NoModifier, centre + QPoint(280, 84))
    for delta in (120, -360):
        wheel = QWheelEvent(
            QPointF(centre),
            QPointF(viewport.mapToGlobal(centre)),
            QPoint(),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, wheel)
    QTest.keyClick(viewport, Qt.Key.Key_Minus)
    qtbot.wait(20)
    assert (view_box.viewRange(), view_box.childGroup.transform(), graphic.scenePos()) == before
    assert np.array_equal(_chart_pixels(stage, graphic), image_before)
    assert QApplication.activePopupWidget() is None, "a context menu opened"
    assert floor.seen == (["press"] + ["move"] * 7 + ["release"]) * 2 + ["wheel"] * 2, "input did not pass through"


def test_rank_scales_end_on_round_numbers() -> None:
    assert [nice_scale(r) for r in (1, 3, 5, 8, 10, 11, 37, 180, 999, 1500)] == [
        5,
        5,
        5,
        10,
        10,
        20,
        50,
        200,
        1000,
        10000,
    ]


def test_rows_start_staggered_and_end_together() -> None:
    assert [staggered(0.0, i, 3) for i in range(3)] == [0.0, 0.0, 0.0]
    assert [staggered(1.0, i, 3) for i in range(3)] == [1.0, 1.0, 1.0]
    middle = [staggered(0.5, i, 3) for i in range(3)]
    assert middle == sorted(middle, reverse=True) and middle[0] > middle[-1]
