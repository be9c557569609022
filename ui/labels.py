"""The translated labels (`i18n.labels`) and the sentences for problem and conflict codes
(`i18n.messages`) under the names the widgets import."""

from i18n.labels import *  # noqa: F403
from i18n.labels import __all__ as _labels
from i18n.messages import conflict_reason, problem_text

__all__ = [*_labels, "conflict_reason", "problem_text"]
