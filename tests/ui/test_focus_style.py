"""Keyboard focus shows on combo boxes and check boxes, in Fusion and in the Windows style
(`ui.app.FOCUS_STYLE`)."""

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from ui.app import FOCUS_STYLE


@pytest.fixture
def styled(qtbot):
    app = QApplication.instance()
    before = app.styleSheet()
    app.setStyleSheet(before + FOCUS_STYLE)
    yield
    app.setStyleSheet(before)


@pytest.mark.parametrize("style", ["Fusion", "Windows"])
@pytest.mark.parametrize("kind", [QComboBox, QCheckBox])
def test_a_focused_control_looks_different(qtbot, styled, style, kind):
    look = QStyleFactory.create(style)  # kept: a widget does not own the style it is given
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    controls = []
    for _ in range(2):
        control = kind()
        control.setStyle(look)
        if kind is QComboBox:
            control.addItem("Semua status")
        else:
            control.setText("Tandai diajukan ke BPJS")
        layout.addWidget(control)
        controls.append(control)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    controls[0].setFocus()
    qtbot.waitUntil(controls[0].hasFocus)
    assert controls[0].size() == controls[1].size()  # focus does not move anything
    assert controls[0].grab().toImage() != controls[1].grab().toImage()
    window.close()
    del window, controls
