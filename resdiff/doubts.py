"""When a ``diff`` of two documents makes little sense: versions in two languages (``resdiff
check`` is the command for them), or two documents that share little text.

Apart from ``resdiff.check`` (whose names these are too), so that ``resdiff diff`` does not
import what ``check`` builds as it loads (its tables of ordinals in six languages).
"""

from __future__ import annotations

from .i18n import N_, Message
from .model import ChangeKind, Comparison, Op

# TRANSLATORS: a language version ("in English, not in Chinese"): 英文本, 中文本.
LANGUAGE_NAMES = {"zh": N_("Chinese"), "en": N_("English"), "fr": N_("French"), "es": N_("Spanish"),
                  "ru": N_("Russian"), "ar": N_("Arabic")}


def language_name(code: str) -> str:
    """The English name of a UN language code ('zh' -> 'Chinese'), else the code itself (a
    ``Message``, shown in the interface language)."""
    if code in LANGUAGE_NAMES:
        return Message(LANGUAGE_NAMES[code])
    return code or Message(N_("an unknown language"))


# --- diff's warnings for comparisons that make little sense -----------------------------------------

# Below this share of shared text, two documents are taken for unrelated ones.
UNRELATED_SHARE = 0.10


def shared_share(comparison: Comparison) -> float:
    """The share of the two documents' text that their paragraphs have in common: characters in
    equal spans (counted on both sides) over all characters of both documents."""
    equal = 0
    for change in comparison.changes:
        if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            continue
        equal += sum(len(span.text.strip()) for span in change.inline if span.op is Op.EQUAL)
    total = sum(len(p.body.strip()) for p in comparison.old.paragraphs) + \
        sum(len(p.body.strip()) for p in comparison.new.paragraphs)
    return 2 * equal / total if total else 1.0


def diff_warnings(comparison: Comparison) -> list[str]:
    """What makes a ``diff`` of these two documents doubtful, one line each: versions in two
    languages (``check`` is the command for them), or documents that share little text."""
    old, new = comparison.old, comparison.new
    if old.language and new.language and old.language != new.language:
        return [Message(N_("{old} is in {language_old} and {new} in {language_new}: diff compares versions in one "
                           "language; to see whether two language versions agree, run 'resdiff check' on them"),
                        old=old.label, language_old=language_name(old.language), new=new.label,
                        language_new=language_name(new.language))]
    if not old.paragraphs or not new.paragraphs:
        return []
    share = shared_share(comparison)
    if share < UNRELATED_SHARE:
        return [Message(N_("{old} and {new} share little text ({share}): they may be different "
                           "documents rather than two versions of one"),
                        old=old.label, new=new.label, share=f"{share:.0%}")]
    return []
