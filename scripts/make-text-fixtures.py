#!/usr/bin/env python3
"""Derive the text fixtures that each carry one defect from the clean base
report fixtures/text/clean-department-2024.txt. Run from the repository root;
then regenerate goldens with: go test ./cmd/reportlint -run TestGolden -update
Each variant is a list of (old, new) replacements; each `old` must occur."""
import os, sys

BASE = "fixtures/text/clean-department-2024.txt"
T = "\t"
base = open(BASE, encoding="utf-8").read()

def z(n):  # a run of n zero fields
    return T.join(["0"] * n)

R6 = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
R62 = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"

VARIANTS = {
    # table 三: R1 natural 25 -> 24 and its total 29 -> 28: only the balance breaks
    # (the prose states only the figures the table still agrees with, so that N501/N503 stay quiet)
    "A301-table3-balance.txt": [("一、本年新收政府信息公开申请数量\t\t25\t3\t0\t0\t1\t0\t29", "一、本年新收政府信息公开申请数量\t\t24\t3\t0\t0\t1\t0\t28"),
                                ("全年共收到政府信息公开申请29件，上年结转2件，办结28件，结转下年度继续办理3件。", "全年共收到政府信息公开申请28件，上年结转2件，办结28件。")],
    # R3_3_4 natural 1 -> 2 with its row total: the results no longer add up to （七）总计
    "A302-table3-results-total.txt": [("4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1", "4.保护第三方合法权益\t2\t0\t0\t0\t0\t0\t2")],
    # R3_1 total 11 -> 12: the row total is wrong
    "A303-table3-row-total.txt": [("（一）予以公开\t10\t1\t0\t0\t0\t0\t11", "（一）予以公开\t10\t1\t0\t0\t0\t0\t12")],
    # table 四 review total 3 -> 4
    "A304-table4-total.txt": [("1\t1\t0\t1\t3\t1\t0\t0\t0\t1", "1\t1\t0\t1\t4\t1\t0\t0\t0\t1"),
                              ("被申请行政复议3件", "被申请行政复议4件")],
    # a blank cell in table 三 and a placeholder in table 二
    "C201-cell-blank.txt": [("3.要求提供公开出版物\t" + z(7), "3.要求提供公开出版物\t0\t0\t\t0\t0\t0\t0"),
                            ("行政强制\t2", "行政强制\t/")],
    "C202-cell-not-number.txt": [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t1\t0\t0", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t1\t0\t三")],
    "C203-cell-negative.txt": [("行政处罚\t23", "行政处罚\t-23")],
    "C204-cell-not-integer.txt": [("行政许可\t156", "行政许可\t156.5")],
    "C205-unit-in-cell.txt": [("行政事业性收费\t1.25", "行政事业性收费\t12500元"), ("行政许可\t156", "行政许可\t156件")],
    # a department's fee amount entered in 元 in the 万元 column (no unit written)
    "C205-fees-entered-in-yuan.txt": [("行政事业性收费\t1.25", "行政事业性收费\t12500")],
    "S101-section-missing.txt": [("五、存在的主要问题及改进情况\n\n本年度政府信息公开工作仍存在一些不足：一是政策解读形式较为单一；二是部分栏目更新不够及时。下一步，我局将丰富解读形式，建立栏目更新台账，按月检查。\n\n", "")],
    "S102-section-order.txt": [("五、存在的主要问题及改进情况", "六、存在的主要问题及改进情况"), ("六、其他需要报告的事项", "五、其他需要报告的事项")],
    "S103-heading-variant.txt": [("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"), ("五、存在的主要问题及改进情况", "五、存在问题及改进情况")],
    "S104-table-missing.txt": [("行政复议\t\t\t\t\t行政诉讼" + T * 9 + "\n", ""),
                               ("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n", ""),
                               (T * 5 + T.join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "\n", ""),
                               ("1\t1\t0\t1\t3\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n", "")],
    # 2024 report still in the 2019 layout: old table 二 headers, single-row （六）
    "S105-outdated-format.txt": [("信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"),
                                 ("\t（六）其他处理\t" + R6 + "\t1\t0\t0\t0\t0\t0\t1\n\t\t" + R62 + "\t" + z(7) + "\n\t\t3.其他\t" + z(7) + "\n",
                                  "\t（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n")],
    "S106-label-mismatch.txt": [("1.本机关不掌握相关政府信息", "1.本机关不掌握相关政府信"), ("4.保护第三方合法权益", "4.保护第三方合法权义")],
    "S107-row-missing.txt": [("\t\t5.要求行政机关确认或重新出具已获取信息\t" + z(7) + "\n", "")],
    "S108-extra-row.txt": [("行政规范性文件\t3\t1\t12\n", "行政规范性文件\t3\t1\t12\n其他主动公开文件\t5\t0\t5\n")],
    "F401-fee-declaration-missing.txt": [("本年度我局未发出收费通知，未收取信息处理费。", "无。")],
    "F402-fee-declaration-conflict.txt": [("\t" + R6 + "\t1\t0\t0\t0\t0\t0\t1", "\t" + R6 + "\t" + z(7)),
                                          ("\t\t" + R62 + "\t" + z(7), "\t\t" + R62 + "\t1\t0\t0\t0\t0\t0\t1")],
    # a report whose prose still holds the template's placeholders
    "S109-template-unfilled.txt": [("（四）平台建设。优化网站专栏设置，及时更新办事指南和政策文件库。", "（四）平台建设。（文字描述）"),
                                   ("本年度政府信息公开工作仍存在一些不足：一是政策解读形式较为单一；二是部分栏目更新不够及时。下一步，我局将丰富解读形式，建立栏目更新台账，按月检查。",
                                    "XXX局XX年度政府信息公开工作存在的主要问题：（文字描述）")],
    # table 四 left unfilled: one C206, no C201 per cell
    "C206-table-blank.txt": [("1\t1\t0\t1\t3\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0", "\t" * 14),
                             ("因政府信息公开工作被申请行政复议3件，被提起行政诉讼1件。", "")],
    # a whole row of table 三 left blank: one C201 naming its seven cells
    "C201-row-blank.txt": [("3.要求提供公开出版物\t" + z(7), "3.要求提供公开出版物" + "\t" * 7)],
    # section 六 names the 办法 and its number but does not say whether a fee was charged
    "F401-fee-measures-named.txt": [("本年度我局未发出收费通知，未收取信息处理费。",
                                     "本年度我局严格执行《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。")],
    # section 六 keeps the template's instruction
    "F401-fee-placeholder.txt": [("本年度我局未发出收费通知，未收取信息处理费。", "收取信息处理费情况在此处报告。")],
    # quiet cases
    # the 办法 named AND a declaration: no F401
    "clean-fee-measures-and-declaration.txt": [("本年度我局未发出收费通知，未收取信息处理费。",
                                                "根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度我局未收取信息处理费。")],
    # an amount declared: 共收取信息处理费0元
    "clean-fee-zero-yuan.txt": [("本年度我局未发出收费通知，未收取信息处理费。", "本年度我局共收取信息处理费0元。")],
    # the same report in the 2019 layout, for year 2020: S105 must stay quiet
    "clean-2019-layout-2020.txt": [("2024年政府信息公开工作年度报告", "2020年政府信息公开工作年度报告"),
                                   ("自2024年1月1日起至2024年12月31日止", "自2020年1月1日起至2020年12月31日止"),
                                   ("2025年1月20日", "2021年1月20日"),
                                   ("\t（六）其他处理\t" + R6 + "\t1\t0\t0\t0\t0\t0\t1\n\t\t" + R62 + "\t" + z(7) + "\n\t\t3.其他\t" + z(7) + "\n",
                                    "\t（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n")],
    # full-width digits, thousands separators, spaced labels, half-width brackets, "1、" enumerators
    "clean-fullwidth-digits.txt": [("行政许可\t156", "行政许可\t1,156"), ("全年通过县政府门户网站", "全年通过县政府门户网站"),
                                   ("（一）予以公开\t10\t1", "(一) 予以公开\t１０\t１"), ("1.属于国家秘密", "1、属于 国家 秘密"),
                                   ("一、本年新收政府信息公开申请数量\t\t25", "一、本年新收政府信息公开申请数 量\t\t２５")],
}

def main():
    for name, reps in VARIANTS.items():
        s = base
        for old, new in reps:
            if old not in s:
                sys.exit(f"{name}: replacement source not found: {old[:60]!r}")
            s = s.replace(old, new, 1)
        if s == base:
            sys.exit(f"{name}: no change")
        open(os.path.join("fixtures/text", name), "w", encoding="utf-8").write(s)
    # unreadable inputs
    open("fixtures/text/P001-empty.txt", "wb").close()
    open("fixtures/text/P001-binary.txt", "wb").write(bytes(range(256)) * 4)
    print(f"wrote {len(VARIANTS) + 2} fixtures")

main()
