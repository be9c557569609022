"""The registration form: sections, keyboard-first entry, problems shown as you type.

Typing a valid NIK fills the birth date and sex and suggests the kecamatan; the income shows
its bracket and contribution live. "Simpan draf" always saves; "Simpan" needs no errors and
confirmed warnings. What is typed is autosaved (apart from the registrations) so a crash
loses at most the field being typed.

The rules are the entry session's (`models.entry`) and the fields come from one table
(`models.entry_fields`); here are the widgets: `fields` makes them, `sheet` lays out the
sections, `form` is the widget that shows what the session says, `autosave` keeps the typing.
"""

from ui.registration_form.form import RegistrationForm

__all__ = ["RegistrationForm"]
