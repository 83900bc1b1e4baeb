"""Changes to items that are not drawn — an attract scene being made before its wipe begins, or one all covered by
the scene over it — made without drawing anything again: Qt draws again the place of every item added, changed or
taken away, whether or not anything there can be seen (half the screen, in some frames of the attract loop).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMetaObject, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView


def _process_dirty_items(scene: QGraphicsScene) -> None:
    """Hand the scene's changed items to its views now (what Qt does later in this turn of the event loop)."""
    QMetaObject.invokeMethod(scene, "_q_processDirtyItems", Qt.ConnectionType.DirectConnection)


@contextmanager
def unseen_changes(item: QGraphicsItem) -> Iterator[None]:
    """Changes made meanwhile to items that are not drawn (a scene not shown yet, or all covered) draw nothing again:
    Qt would draw their places again — half the screen, some frames — for nothing. What changed before is handed
    to the views first (it is drawn as usual); what changes meanwhile is handed to them while they take nothing."""
    scene = item.scene()
    if scene is None:
        yield
        return
    views = scene.views()
    modes = [view.viewportUpdateMode() for view in views]
    _process_dirty_items(scene)
    for view in views:
        view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.NoViewportUpdate)
    try:
        yield
        _process_dirty_items(scene)
    finally:
        for view, mode in zip(views, modes, strict=True):
            view.setViewportUpdateMode(mode)
