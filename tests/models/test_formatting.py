"""Indonesian formats and the one placeholder filler of every translated text."""

from models.formatting import arg


def test_arg_fills_placeholders_in_any_order():
    assert arg("%1 dari %2", 5, "9.863") == "5 dari 9.863"
    assert arg("%2, %1", "Siti", "Aminah") == "Aminah, Siti"


def test_arg_does_not_refill_what_a_value_brings():
    assert arg("%1 (%2)", "diskon 50%2", "x") == "diskon 50%2 (x)"


def test_arg_leaves_a_placeholder_without_a_value():
    assert arg("%1 dan %3", "a") == "a dan %3"
