"""Which paragraph ends are sentence ends (the column-break rejoin rule)."""

from __future__ import annotations

import pytest

from typeset.ingest.rejoin import is_complete


@pytest.mark.parametrize("text", ["提供坚强安全保障。", "提供坚强安全保障。”", "真的吗？", "好！’”",
                                  "如下：", "一是……；", "（记者 郑凯）", "It ends.", "等等……"])
def test_sentence_ends(text):
    assert is_complete(text)


@pytest.mark.parametrize("text", ["忠诚履职、担", "已办理33万", "全力冲刺“开门红”", "科技型企业超过5000家，",
                                  "陆续开行“班列+汽车整", "LIAONING", ""])
def test_cut_paragraphs(text):
    assert not is_complete(text)
