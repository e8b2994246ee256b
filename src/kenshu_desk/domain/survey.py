"""What a questionnaire's answers say, counted: no database, no files (issue 21).

A question's kind is read from its answers, as a person reading the export would:
- a rating scale: every answer is a whole number 1–10 (a Google Forms 均等目盛 or a Microsoft
  Forms 評価), or a label of a known Japanese scale (とても満足 … 不満, そう思う … そう思わない,
  大変良かった … 良くなかった; the shortest such scale); counted in the scale's order, every
  label shown, with its mean (the best label counts as many points as the scale has labels);
- multiple choice: answers joined by ";" (Microsoft Forms, which also ends them with ";") or
  ", " (Google Forms) whose parts recur across respondents;
- single choice: few distinct short answers;
- free text: a question titled as asking for comments (ご意見, ご感想 …), answers written as
  sentences (。), or anything else (listed, never counted as choices).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from kenshu_desk.domain.event_report import SurveyChoice, SurveyQuestion

# Known scales, best first; a question whose answers all come from one of them is a scale.
SCALES: tuple[tuple[str, ...], ...] = (
    ("とても満足", "満足", "普通", "やや不満", "不満"),
    ("満足", "やや満足", "普通", "やや不満", "不満"),
    ("満足", "やや満足", "どちらともいえない", "やや不満", "不満"),
    ("とても満足", "満足", "やや満足", "普通", "やや不満", "不満", "とても不満"),
    ("大変満足", "満足", "やや満足", "どちらともいえない", "やや不満", "不満", "大変不満"),
    ("非常に満足", "満足", "どちらともいえない", "不満", "非常に不満"),
    ("とてもそう思う", "そう思う", "どちらともいえない", "そう思わない", "全くそう思わない"),
    ("そう思う", "ややそう思う", "どちらともいえない", "あまりそう思わない", "そう思わない"),
    ("大変良かった", "良かった", "普通", "あまり良くなかった", "良くなかった"),
    ("大変参考になった", "参考になった", "どちらともいえない", "あまり参考にならなかった",
     "参考にならなかった"),
    ("とても分かりやすかった", "分かりやすかった", "普通", "分かりにくかった",
     "とても分かりにくかった"),
)  # fmt: skip

MAX_SCALE_NUMBER = 10
MAX_CHOICES = 15  # more distinct answers than this: not a choice question
MAX_CHOICE_LENGTH = 60
# A question that asks for comments, by its title; answers that read as sentences.
TEXT_TITLES = ("意見", "感想", "自由", "要望", "コメント", "記述", "comment")
_SENTENCE = re.compile(r"[。！？!?]")
_SPLIT_SEMICOLON = re.compile(r"\s*;\s*")
_SPLIT_COMMA = re.compile(r",\s+|、")


@dataclass(frozen=True)
class QuestionAnswers:
    """One question as the form exported it, and every respondent's answer ("" = none)."""

    title: str
    answers: Sequence[str]


def _is_number(text: str) -> bool:
    return text.isdigit() and 1 <= int(text) <= MAX_SCALE_NUMBER


def _scale_of(values: set[str]) -> tuple[str, ...] | None:
    for scale in SCALES:
        if values <= set(scale):
            return scale
    return None


def _split(answer: str, separator: re.Pattern[str]) -> list[str]:
    return [part for part in separator.split(answer.strip().rstrip(";")) if part]


def _multiple_parts(given: list[str]) -> list[list[str]] | None:
    """Each answer's parts when the answers are multiple choice, else None."""
    for separator in (_SPLIT_SEMICOLON, _SPLIT_COMMA):
        if separator is _SPLIT_SEMICOLON and not any(";" in a for a in given):
            continue
        parts = [_split(a, separator) for a in given]
        if not any(len(p) > 1 for p in parts):
            continue
        counts = Counter(part for p in parts for part in p)
        recurring = sum(1 for n in counts.values() if n > 1)
        if (
            len(counts) <= MAX_CHOICES
            and recurring >= max(2, len(counts) // 2)
            and all(len(part) <= MAX_CHOICE_LENGTH for part in counts)
        ):
            return parts
    return None


def summarise(question: QuestionAnswers) -> SurveyQuestion:
    """The question's kind and counts: percent of those who answered it."""
    given = [a.strip() for a in question.answers if a.strip()]
    n = len(given)
    if not given:
        return SurveyQuestion(question.title, "text", 0)
    values = set(given)
    if _is_free_text(question.title, values):
        return SurveyQuestion(question.title, "text", n, comments=tuple(given))
    if all(_is_number(v) for v in values):
        numbers = Counter(int(v) for v in given)
        top = max(5, max(numbers))
        choices = tuple(_choice(str(k), numbers.get(k, 0), n) for k in range(1, top + 1))
        mean = sum(int(v) for v in given) / n
        return SurveyQuestion(question.title, "scale", n, choices, mean=mean, scale_top=top)
    scale = _scale_of(values)
    if scale is not None:
        counts_by_label = Counter(given)
        choices = tuple(_choice(label, counts_by_label.get(label, 0), n) for label in scale)
        points = {label: len(scale) - i for i, label in enumerate(scale)}
        mean = sum(points[v] for v in given) / n
        return SurveyQuestion(question.title, "scale", n, choices, mean=mean, scale_top=len(scale))
    parts = _multiple_parts(given)
    if parts is not None:
        counts = Counter(part for p in parts for part in dict.fromkeys(p))
        choices = tuple(_choice(label, count, n) for label, count in counts.most_common())
        return SurveyQuestion(question.title, "multiple", n, choices)
    if (
        len(values) <= MAX_CHOICES
        and all(len(v) <= MAX_CHOICE_LENGTH for v in values)
        and (len(values) < n or n <= 3)
    ):
        counts = Counter(given)
        choices = tuple(_choice(label, count, n) for label, count in counts.most_common())
        return SurveyQuestion(question.title, "single", n, choices)
    return SurveyQuestion(question.title, "text", n, comments=tuple(given))


def _is_free_text(title: str, values: set[str]) -> bool:
    """Asked as a comment (by its title), or answered in sentences."""
    if any(word in title.lower() for word in TEXT_TITLES) and not _scale_of(values):
        return not all(_is_number(v) for v in values)
    return any(_SENTENCE.search(v) for v in values)


def _choice(label: str, count: int, respondents: int) -> SurveyChoice:
    return SurveyChoice(label, count, round(100.0 * count / respondents, 1) if respondents else 0.0)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def masked(text: str, names: Sequence[str]) -> str:
    """A comment with e-mail addresses and the given people's names (and their family names
    written with さん / 様 / 氏 / 先生) replaced by ＊＊＊, for a summary handed around."""
    out = _EMAIL.sub("＊＊＊", text)
    for name in sorted({n for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        out = out.replace(name, "＊＊＊")
        compact = name.replace(" ", "").replace("\u3000", "")
        if compact != name:
            out = out.replace(compact, "＊＊＊")
        family = re.split(r"[ \u3000]", name.strip())[0]
        if len(family) >= 2 and family != name:
            out = re.sub(f"{re.escape(family)}(?=(さん|様|氏|先生))", "＊＊＊", out)
    return out


def mean_text(question: SurveyQuestion) -> str:
    """ "平均 3.85（5 点満点）" for a scale (its labels counted 5 … 1 from the best)."""
    if question.mean is None:
        return ""
    top = f"（{question.scale_top} 点満点）" if question.scale_top else ""
    return f"平均 {question.mean:.2f}{top}"
