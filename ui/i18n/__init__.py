"""The words and sentences people read, through Qt's translator (QtCore):
labels of the domain's choices, sentences for its codes, and installing the translators.
The widgets, `ui/printing/` and the command line share them, so a screen, a printed page and a
terminal say the same thing in the installation's language."""
