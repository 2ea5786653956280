"""The interface's language: resdiff's labels and messages in English or Chinese.

Every user-facing string goes through ``_()`` (or ``ngettext`` for counts) at the moment it is
shown, never at import: the language is chosen once per command, by ``--ui-lang``, else the
RESDIFF_UI_LANG environment variable, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as
gettext reads them), else English. Strings kept in module-level tables are marked with ``N_()``
(which only marks them for extraction) and translated with ``_()`` where they are shown.

The catalogues are standard gettext ones: ``resdiff/locale/<lang>/LC_MESSAGES/resdiff.po``, the
translation a person writes and reviews, compiled to the ``.mo`` beside it that the standard
library's ``gettext`` reads (``make messages`` extracts, merges and compiles them with Babel;
tests/test_i18n.py checks that every committed ``.mo`` is its ``.po`` compiled and that every
string in the code has a translation). English is the source language: its "catalogue" is the
strings themselves, so an English interface is byte for byte what it was before any catalogue.

Messages that are also data (parser warnings, comparison notes, which the JSON keeps in English)
are ``Message`` values: a ``str`` holding the English text, which also carries its template and
arguments so that ``tr()`` can show it in the reader's language.

>>> use("zh"); _("resdiff: error: {message}").format(message="…")
'resdiff：错误：…'
>>> note = Message(N_("{message} (see '{command} --help')"), message="?", command="resdiff diff")
>>> note, tr(note)
("? (see 'resdiff diff --help')", "?（参见 'resdiff diff --help'）")
>>> use("en"); tr(note)
"? (see 'resdiff diff --help')"
"""

from __future__ import annotations

import gettext as _gettext
import os

# typing is imported by type checkers only: the command starts without it
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DOMAIN = "resdiff"
LOCALE_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "locale")
SOURCE_LANGUAGE = "en"
ENVIRONMENT = "RESDIFF_UI_LANG"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def languages() -> tuple[str, ...]:
    """The interface languages resdiff speaks: English and each language with a catalogue.

    >>> languages()
    ('en', 'zh')
    """
    found = {SOURCE_LANGUAGE}
    if os.path.isdir(LOCALE_DIR):
        found.update(name for name in os.listdir(LOCALE_DIR) if not name.startswith(".")
                     and os.path.exists(os.path.join(LOCALE_DIR, name, "LC_MESSAGES", f"{DOMAIN}.mo")))
    return tuple(sorted(found))


def normalize(code: str) -> str | None:
    """The interface language a language code or locale name asks for, or None when resdiff has
    no catalogue for it. Region, encoding and modifier are ignored; "C" and "POSIX" are English.

    >>> normalize("zh_CN.UTF-8"), normalize("ZH-Hans"), normalize("C.UTF-8"), normalize("en_GB"), normalize("fr_FR")
    ('zh', 'zh', 'en', 'en', None)
    """
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    if base in {"c", "posix"}:
        return SOURCE_LANGUAGE
    return base if base in languages() else None


def from_locale(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """The interface language the locale asks for, read as gettext reads it: the first of
    LANGUAGE (a list: "fr:zh" asks for French, then Chinese), LC_ALL, LC_MESSAGES, LANG that is
    set; the first language in it with a catalogue, else English (the later variables are not
    read once one is set, as gettext does).

    >>> from_locale({"LANGUAGE": "fr:zh_TW", "LANG": "en_US.UTF-8"}), from_locale({"LC_ALL": "C", "LANG": "zh_CN"})
    ('zh', 'en')
    """
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            for code in value.split(":"):
                chosen = normalize(code) if code else None
                if chosen:
                    return chosen
            break
    return SOURCE_LANGUAGE


def choose(option: str | None = None, environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """The interface language: ``--ui-lang``, else RESDIFF_UI_LANG, else the locale. An explicit
    choice resdiff cannot honour is a ValueError (the command line makes it a one-line error);
    a locale it has no catalogue for means English, as for any gettext program.

    >>> choose("zh"), choose(None, {"RESDIFF_UI_LANG": "en", "LANG": "zh_CN.UTF-8"}), choose(None, {"LANG": "zh_SG"})
    ('zh', 'en', 'zh')
    >>> use("en"); choose("xx")
    Traceback (most recent call last):
    ValueError: unknown interface language 'xx' for --ui-lang: choose en or zh
    """
    environ = os.environ if environ is None else environ
    for given, where in ((option, "--ui-lang"), (environ.get(ENVIRONMENT), ENVIRONMENT)):
        if given is None or (where == ENVIRONMENT and not given.strip()):
            continue
        chosen = normalize(given)
        if chosen is None or given.strip().lower() in {"c", "posix"}:
            raise ValueError(_("unknown interface language {given!r} for {where}: choose {choices}").format(
                given=given, where=where, choices=_(" or ").join(languages())))
        return chosen
    return from_locale(environ)


def use(language: str) -> None:
    """Speak ``language`` (a code from ``languages()``) from now on, in this process."""
    global _translation, _language
    if language == SOURCE_LANGUAGE:
        _translation = _gettext.NullTranslations()
    else:
        _translation = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    _language = language


def current() -> str:
    """The interface language in use ("en" or "zh")."""
    return _language


def _(message: str) -> str:
    """``message`` in the interface language (English when it has no translation)."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the count ``n``, in the interface language."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (a table built at import)."""
    return message


# The six UN languages by name, where a header, card or note shows a text's language in an
# interface other than English ("语文 中文"); English shows the code, as --lang and the JSON write it.
# TRANSLATORS: the language's own name, alone ("中文", "英文"), not a language version ("中文本").
_LANGUAGE_NAMES = {"zh": N_("Chinese (language name)"), "en": N_("English (language name)"),
                   "fr": N_("French (language name)"), "es": N_("Spanish (language name)"),
                   "ru": N_("Russian (language name)"), "ar": N_("Arabic (language name)")}


def language_label(code: str) -> str:
    """A text's language as the interface shows it: its code in English ("zh", as --lang takes
    it and the JSON keeps it), its name in another interface language ("中文"); a code that is
    none of the six UN languages as it is.

    >>> use("zh"); language_label("ar"), language_label("xx"), language_labels(["zh", "en"])
    ('阿拉伯文', 'xx', '中文、英文')
    >>> use("en"); language_label("ar"), language_labels(["zh", "en"])
    ('ar', 'zh, en')
    """
    if _language == SOURCE_LANGUAGE or code not in _LANGUAGE_NAMES:
        return code
    return _(_LANGUAGE_NAMES[code])


def language_labels(codes) -> str:
    """Several languages as the interface lists them ("zh, en"; "中文、英文")."""
    return _(", ").join(language_label(code) for code in codes)


def listed(items, most: int | None = None) -> str:
    """Items (line numbers) listed as the interface lists them, the first ``most`` of them and
    "…" for the rest: "9, 11, 13" in English, "9、11、13" in Chinese.

    >>> listed([9, 11, 13]), listed(range(1, 13), most=10)
    ('9, 11, 13', '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …')
    """
    items = list(items)
    shown: list[object] = items[:most] if most is not None else items
    if most is not None and len(items) > most:
        shown = [*shown, "…"]
    said: str = str(shown[0])
    for item in shown[1:]:
        # TRANSLATORS: two items of a list, the second added after the first ("9, 11")
        said = Message(N_("{left}, {right}"), left=said, right=item)
    return said


class Message(str):
    """A message that is also data: its value is the English text (what the JSON keeps and
    what compares equal), and ``tr()`` shows it in the interface language.

    >>> m = Message(N_("numbering skips from {before} to {after}"), before="OP3", after="OP5")
    >>> m == "numbering skips from OP3 to OP5", m.template, sorted(m.arguments)
    (True, 'numbering skips from {before} to {after}', ['after', 'before'])
    """

    template: str
    arguments: dict[str, Any]

    def __new__(cls, template: str, **arguments: Any) -> Message:
        self = super().__new__(cls, template.format(**arguments))
        self.template = template
        self.arguments = arguments
        return self

    def __reduce__(self):
        return (_rebuild, (self.template, self.arguments))


def _rebuild(template: str, arguments: dict[str, Any]) -> Message:
    return Message(template, **arguments)


def tr(message: str) -> str:
    """A message in the interface language: a ``Message`` is translated with its arguments
    (themselves translated when they are Messages); any other text is looked up as it is."""
    if isinstance(message, Message):
        arguments = {key: tr(value) if isinstance(value, Message) else value
                     for key, value in message.arguments.items()}
        return _(message.template).format(**arguments)
    return _(message)


# The operating system's reasons a file cannot be read or written, as errno names them: the
# system's own words are English whatever the interface language.
_OS_REASONS = {
    "ENOENT": N_("No such file or directory"),
    "EISDIR": N_("Is a directory"),
    "ENOTDIR": N_("Not a directory"),
    "EACCES": N_("Permission denied"),
    "EPERM": N_("Operation not permitted"),
    "ENOSPC": N_("No space left on device"),
    "EROFS": N_("Read-only file system"),
    "ENAMETOOLONG": N_("File name too long"),
    "ELOOP": N_("Too many levels of symbolic links"),
    "EEXIST": N_("File exists"),
}


def os_reason(exc: BaseException) -> str:
    """Why an operating-system call failed, in the interface language: the system's words in
    English, the catalogue's for the usual reasons otherwise.

    >>> os_reason(FileNotFoundError(2, "No such file or directory"))
    'No such file or directory'
    """
    import errno

    strerror = getattr(exc, "strerror", None)
    code = getattr(exc, "errno", None)
    if current() == SOURCE_LANGUAGE or not isinstance(code, int):
        return strerror or str(exc)
    name = errno.errorcode.get(code)
    return _(_OS_REASONS[name]) if name in _OS_REASONS else strerror or str(exc)
