#!/usr/bin/env python3
"""Derive the fixtures of the narrative, year/date and cross-year rules
(N501-N503, M601-M602, X701-X704) from the clean base report
fixtures/text/clean-department-2024.txt. Run from the repository root; then
regenerate goldens with: go test ./cmd/reportlint -run 'TestGolden|TestPairGolden' -update
and read them.

Text fixtures go to fixtures/text/. Cross-year pairs go to
fixtures/pairs/<NAME>/ as two reports of one issuer (2023 and 2024), which the
golden test checks as one directory run (the reports are paired
automatically)."""
import os, sys

BASE = "fixtures/text/clean-department-2024.txt"
base = open(BASE, encoding="utf-8").read()

SENT = "全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理3件。"
REVIEW = "因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。"


def apply(name, s, reps):
    for old, new in reps:
        if old not in s:
            sys.exit(f"{name}: replacement source not found: {old[:60]!r}")
        s = s.replace(old, new, 1)
    return s


TEXT = {
    # 无法提供 stated as 8, the table's three 无法提供 rows add up to 9
    "N501-result-mismatch.txt": [(SENT, SENT + "办理结果：予以公开11件，部分公开4件，不予公开1件，无法提供8件，不予处理2件，其他处理1件。")],
    # Chinese numerals: 予以公开十一件 is right, 无法提供十件 is not (9)
    "N501-chinese-numerals.txt": [(SENT, SENT + "其中予以公开十一件，部分公开四件，无法提供十件。")],
    # "均获维持" while table 四 has 1 维持, 1 纠正, 1 尚未审结
    "N501-all-maintained.txt": [(REVIEW, "因政府信息公开工作被申请行政复议3件，均获维持；被提起行政诉讼1件。")],
    # 受理 stated as 33: neither 新收 (29) nor 新收加上年结转 (31)
    "N501-received-includes-carryover.txt": [(SENT, "全年共受理政府信息公开申请33件（含上年结转2件），办结28件，结转下年度继续办理3件。")],
    # "未发生行政复议" while table 四 has 3 复议
    "N501-no-cases-claimed.txt": [(REVIEW, "本年度未发生因政府信息公开引起的行政复议，被提起行政诉讼1件。")],
    # 11 / 28 is 39.3%, not 45%
    "N502-percentage.txt": [(SENT, SENT + "其中予以公开11件，占45%；部分公开4件，占14.3%。")],
    # the prose itself does not add up: 29 + 2 != 28 + 4 (and 4 contradicts R4 = 3)
    "N503-balance.txt": [(SENT, "全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理4件。")],
    # the listed results exceed the 办结 total (and 无法提供 20 contradicts the table)
    "N503-parts-exceed-total.txt": [(SENT, SENT + "办结的28件申请中，予以公开11件，部分公开4件，无法提供20件。")],
    # statistics period of another year than the title
    "M601-period-year.txt": [("自2024年1月1日起至2024年12月31日止", "自2023年1月1日起至2023年12月31日止")],
    # a date line before the report year has ended (copied from last year)
    "M601-dateline-before-year-end.txt": [("\n2025年1月20日", "\n2024年1月20日")],
    # a department report dated after 31 January
    "M602-late-dateline.txt": [("\n2025年1月20日", "\n2025年2月26日")],
    # quiet: approximate figures, 受理 including 上年结转, Chinese numerals,
    # a correct percentage, 满意率, 主动公开 counts, 复议 parts that add up
    "clean-narrative-variants.txt": [
        ("主动公开各类政府信息412条", "主动公开各类政府信息5500余条"),
        (SENT, "全年共受理政府信息公开申请31件（含上年结转2件），办结二十八件，结转下年度继续办理三件，答复满意率100%。"
               "其中予以公开及部分公开15件，占53.6%；无法提供9件；不予处理两件。全年咨询量近300件。"),
        (REVIEW, "因政府信息公开工作被申请行政复议3件，其中结果维持1件、结果纠正1件、尚未审结1件；被提起行政诉讼1件，结果维持。"),
    ],
    # ---- prose in the styles of street offices, townships, departments,
    # county and city governments (issue 13); base tables: 新收 29 (自然人 25,
    # 法人或其他组织 4), 上年结转 2, 办结 28, 结转下年度 3, 复议 3, 诉讼 1.
    # the year written in the carry-over is the next one: 4 read as 结转下年度 (3)
    "N501-street-office-carryover-year.txt": [(SENT + REVIEW, "2024年，本街道办事处共收到政府信息公开申请29件，其中当面申请10件、网上申请16件、信函申请3件；上年结转2件，均按期答复，结转2025年继续办理4件。" + REVIEW)],
    # 条 after 依申请公开 counts applications: 30 is not 新收 29
    "N501-township-counted-nouns.txt": [(SENT, "我镇全年收到依申请公开30条，均已按期办结。")],
    # "无信息公开申请" means none received, and none of 复议/诉讼
    "N501-township-no-applications.txt": [(SENT + REVIEW, "本年度我镇无信息公开申请，无行政复议、行政诉讼情况。")],
    # applicants by the table's columns: 自然人 25, not 26
    "N501-county-applicants.txt": [(SENT, SENT + "其中，公民个人申请26件，法人或其他组织申请3件。")],
    # 复议/诉讼 written without 行政
    "N501-department-review-wording.txt": [(REVIEW, "因政府信息公开工作被申请复议4件，被提起诉讼1件。")],
    # the base named: 11 ÷ 办结 28 is 39.3%, 37.9% is 11 ÷ 新收
    "N502-city-share-of-done.txt": [(SENT, "2024年，市自然资源局共收到政府信息公开申请29件，上年结转2件，共计31件。办结28件，其中予以公开11件，占办结总数的37.9%；部分公开4件，占14.3%。结转下年度继续办理3件。")],
    # a share of an applicant column: 25 ÷ 29 is 86.2%
    "N502-county-applicant-share.txt": [(SENT, SENT + "其中自然人申请25件，占比80.0%；法人或其他组织申请4件，占比13.8%。")],
    # a stated total with all its parts: 11+4+1+9+2+1 = 28, not 27
    "N503-city-stated-total-parts.txt": [(SENT, "全年共收到政府信息公开申请29件，上年结转2件。共办结27件，其中予以公开11件，部分公开4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件。结转下年度继续办理3件。")],
    # channels listed after their total add up to more than it
    "N503-street-channels.txt": [(SENT, "全年共收到政府信息公开申请29件，其中网上申请20件、当面申请7件、信函申请3件。上年结转2件，办结28件，结转下年度继续办理3件。")],
    # the stated 合计 of 新收 and 上年结转
    "N503-township-sum-stated.txt": [(SENT, "本年新收政府信息公开申请29件，上年结转2件，合计32件，已办结28件，结转下年度继续办理3件。")],
    # quiet: the same facts in each style
    "clean-narrative-street-office.txt": [(SENT + REVIEW,
        "2024年，本街道办事处共收到政府信息公开申请29件，其中当面申请10件、网上申请16件、信函申请3件；上年结转2件。"
        "已办结28件，其中11件全部予以公开，部分公开（区分处理）4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件，结转2025年继续办理3件。"
        "因政府信息公开工作被申请复议3件，其中维持1件，纠正1件，尚未审结1件；被提起诉讼1件，结果维持。")],
    "clean-narrative-township.txt": [(SENT + REVIEW,
        "我镇全年收到依申请公开29条，上年转结2件，共计31件，均依法予以答复，结转下年度继续办理3件。"
        "其中自然人申请25件，占比86.2%；法人或其他组织申请4件，占比13.8%。"
        "因政府信息公开申请引起行政复议3件、行政诉讼1件。")],
    "clean-narrative-city.txt": [(SENT + REVIEW,
        "2024年，全市共受理政府信息公开申请31件（含上年结转2件），答复28件，另有3件顺延至下一年答复。"
        "从办理结果看，予以公开11件，占办结总数的39.3%；部分公开4件，占14.3%；不予公开1件；无法提供9件（其中本机关不掌握相关政府信息8件）；不予处理2件；其他处理1件。"
        "全年政府信息公开行政复议3件，其中结果维持1件，结果纠正1件，尚未审结1件；行政诉讼1件，均为未经复议直接起诉，结果维持。")],
    # the rest of the results named as a group with 等: 11 + 4 + 12 is not
    # the 28 answered (the group is 13)
    "N503-named-rest-group.txt": [(SENT, SENT +
        "共办结28件，其中予以公开11件，部分公开4件，属于不予公开、无法提供、不予处理等情形依规答复12件。")],
    # bare 复议/诉讼 in a paragraph stating application figures: 复议 4, the
    # table has 3
    "N501-bare-review-litigation.txt": [(SENT + REVIEW, SENT + "本年度复议4件，诉讼1件。")],
    # 全部申请 is 新收 (29) or 新收 + 上年结转 (31): 11 of them is 37.9% or
    # 35.5%, not 39.3% (that is 11 of the 28 answered)
    "N502-share-of-all-applications.txt": [(SENT, SENT + "予以公开11件，占全部申请的39.3%。")],
    # quiet: a result before 答复, 以…方式答复, negation over other
    # applications, bare 复议/诉讼, a named rest group, 全部申请 as base
    "clean-narrative-result-answers.txt": [(SENT + REVIEW, SENT +
        "依法作出予以公开答复11件、部分公开答复4件，以无法提供方式答复9件，不予处理答复2件。"
        "共办结28件，其中予以公开11件，部分公开4件，属于不予公开、无法提供、不予处理等情形依规答复13件。"
        "予以公开11件，占全部申请的35.5%。本年度未收到政府信息公开申请以外的其他申请。本年度复议3件，诉讼1件。")],
    # quiet: a people's government's report published before 31 March
    "clean-government-march.txt": [("青川县自然资源局2024年", "青川县人民政府2024年"), ("\n青川县自然资源局\n2025年1月20日", "\n青川县人民政府\n2025年3月20日")],
}

# ---- cross-year pairs ------------------------------------------------------

T3_LINES = {  # label as in the base -> the unique start of its line
    "R1": "一、本年新收政府信息公开申请数量\t\t",
    "R2": "二、上年结转政府信息公开申请数量\t\t",
    "R3_1": "三、本年度办理结果\t（一）予以公开\t",
    "R3_2": "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t",
    "R3_3_4": "\t\t4.保护第三方合法权益\t",
    "R3_4_1": "\t（四）无法提供\t1.本机关不掌握相关政府信息\t",
    "R3_4_2": "\t\t2.没有现成信息需要另行制作\t",
    "R3_5_1": "\t（五）不予处理\t1.信访举报投诉类申请\t",
    "R3_5_2": "\t\t2.重复申请\t",
    "R3_6_1": "\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t",
    "R3_7": "\t（七）总计\t",
    "R4": "四、结转下年度继续办理\t\t",
}


def set_t3(s, rows):
    lines = s.split("\n")
    for key, vals in rows.items():
        prefix = T3_LINES[key]
        hits = [i for i, l in enumerate(lines) if l.startswith(prefix)]
        if len(hits) != 1:
            sys.exit(f"table 三 row {key}: {len(hits)} lines")
        tail = "\t" if lines[hits[0]].endswith("\t") else ""
        lines[hits[0]] = prefix + "\t".join(str(v) for v in vals) + tail
    return "\n".join(lines)


def z7():
    return [0] * 7


# the 2023 tables: R1 20, R2 1, results 19, R4 2 (natural 2, which the 2024
# report's 上年结转 repeats); table 二 规范性文件 valid 10 (+3 -1 = 12 in 2024)
T3_2023 = {
    "R1": [18, 2, 0, 0, 0, 0, 20], "R2": [1, 0, 0, 0, 0, 0, 1],
    "R3_1": [8, 1, 0, 0, 0, 0, 9], "R3_2": [2, 0, 0, 0, 0, 0, 2], "R3_3_4": z7(),
    "R3_4_1": [6, 1, 0, 0, 0, 0, 7], "R3_4_2": [1, 0, 0, 0, 0, 0, 1],
    "R3_5_1": z7(), "R3_5_2": z7(), "R3_6_1": z7(),
    "R3_7": [17, 2, 0, 0, 0, 0, 19], "R4": [2, 0, 0, 0, 0, 0, 2],
}
T2_2023 = [("行政规范性文件\t3\t1\t12", "行政规范性文件\t2\t0\t10"), ("行政许可\t156", "行政许可\t140"),
           ("行政处罚\t23", "行政处罚\t19"), ("行政强制\t2", "行政强制\t1"), ("行政事业性收费\t1.25", "行政事业性收费\t1.1"),
           ("1\t1\t0\t1\t3\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0", "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0")]
YEARS_2023 = [("青川县自然资源局2024年", "青川县自然资源局2023年"),
              ("自2024年1月1日起至2024年12月31日止", "自2023年1月1日起至2023年12月31日止"),
              ("\n2025年1月20日", "\n2024年1月19日")]

# prose of 2023 written afresh (so that it is not a copy of 2024's)
PROSE_2023 = [
    ("本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号的要求编制。",
     "依照《中华人民共和国政府信息公开条例》规定，并按照年度报告格式要求，编制本年度报告。"),
    ("（一）主动公开。全年通过县政府门户网站本局专栏主动公开各类政府信息412条，其中政策文件18条、政策解读9篇、自然资源动态信息205条。",
     "（一）主动公开。本局依托县政府门户网站发布土地、矿产、测绘等领域信息388条，重点做好耕地保护和不动产登记信息的发布。"),
    (SENT + REVIEW,
     "（二）依申请公开。本年度新收政府信息公开申请20件，上年结转1件，办结19件，结转下年度继续办理2件。因政府信息公开工作被申请行政复议1件，结果维持；未被提起行政诉讼。"),
    ("（三）政府信息管理。开展规范性文件清理，公开现行有效规范性文件12件，废止1件。",
     "（三）政府信息管理。建立公开前保密审查机制，所有拟公开信息均经分管领导审签后发布。"),
    ("（四）平台建设。优化网站专栏设置，及时更新办事指南和政策文件库。",
     "（四）平台建设。完成政务公开专栏改版，新增不动产登记办事服务入口。"),
    ("（五）监督保障。将政务公开纳入年度目标考核，组织业务培训2次。",
     "（五）监督保障。成立政务公开工作领导小组，明确专人负责信息发布和申请办理。"),
    ("本年度政府信息公开工作仍存在一些不足：一是政策解读形式较为单一；二是部分栏目更新不够及时。下一步，我局将丰富解读形式，建立栏目更新台账，按月检查。",
     "工作中还存在信息发布不够及时、依申请办理人员业务能力有待提高等问题。我局将加强培训，完善信息发布流程。"),
]
# 2023 prose that copies 2024's sentences with other numbers (for X703)
PROSE_2023_COPIED = [
    ("主动公开各类政府信息412条，其中政策文件18条、政策解读9篇、自然资源动态信息205条", "主动公开各类政府信息388条，其中政策文件15条、政策解读7篇、自然资源动态信息190条"),
    (SENT + REVIEW, "全年共收到政府信息公开申请20件，上年结转1件，办结19件，结转下年度继续办理2件。因政府信息公开工作被申请行政复议1件，被提起行政诉讼0件。"),
    ("公开现行有效规范性文件12件，废止1件", "公开现行有效规范性文件10件，废止0件"),
    ("组织业务培训2次", "组织业务培训3次"),
]


def report_2023(prose=PROSE_2023, t3=T3_2023, extra=()):
    s = apply("2023", base, YEARS_2023 + list(prose) + T2_2023 + list(extra))
    return set_t3(s, t3)


# 2023 prose (fresh wording) stating 2024's figures, for identical tables
PROSE_2023_SAMEFIG = [(o, n.replace("本年度新收政府信息公开申请20件，上年结转1件，办结19件，结转下年度继续办理2件。因政府信息公开工作被申请行政复议1件，结果维持；未被提起行政诉讼。",
                                    "本年度新收政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理3件。因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。")
                       .replace("发布土地、矿产、测绘等领域信息388条", "发布土地、矿产、测绘等领域信息412条"))
                      for o, n in PROSE_2023]
T3_2023_CARRY3 = dict(T3_2023, R1=[19, 2, 0, 0, 0, 0, 21], R4=[3, 0, 0, 0, 0, 0, 3])
PROSE_2023_CARRY3 = [(o, n.replace("新收政府信息公开申请20件", "新收政府信息公开申请21件").replace("结转下年度继续办理2件", "结转下年度继续办理3件"))
                     for o, n in PROSE_2023]

PAIRS = {
    # last year carried 3 applications forward, this year says 2 were carried in
    "X701-carryover-mismatch": report_2023(PROSE_2023_CARRY3, T3_2023_CARRY3),
    # last year 规范性文件 valid 8: 8 + 3 - 1 = 10, not the 12 reported now
    "X702-valid-count-rolling": report_2023(extra=[("行政规范性文件\t2\t0\t10", "行政规范性文件\t2\t0\t8")]),
    # this year's prose is last year's with the numbers changed
    "X703-copied-text": report_2023(PROSE_2023_COPIED),
    # every table figure repeats last year's (the prose differs)
    "X704-identical-tables": apply("2023", base, YEARS_2023 + PROSE_2023_SAMEFIG),
    # consecutive years that agree: nothing to report
    "clean-consecutive-years": report_2023(),
}


def main():
    for name, reps in TEXT.items():
        s = apply(name, base, reps)
        if s == base:
            sys.exit(f"{name}: no change")
        open(os.path.join("fixtures/text", name), "w", encoding="utf-8").write(s)
    for name, prev in PAIRS.items():
        d = os.path.join("fixtures/pairs", name)
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, "report-2023.txt"), "w", encoding="utf-8").write(prev)
        open(os.path.join(d, "report-2024.txt"), "w", encoding="utf-8").write(base)
    print(f"wrote {len(TEXT)} text fixtures and {len(PAIRS)} pairs")


main()
