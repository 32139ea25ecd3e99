package rules

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reportlint/reportlint/parser"
)

// This file holds report narratives written in the styles of real reports
// (street offices, townships, departments, county and city governments,
// 2021–2025), each with tables that agree with it. The test checks that
// they give no N50x finding, then changes one stated figure at a time and
// measures the share of changes the narrative rules find.
//
// In the prose, a figure written "~2件" is one the tables cannot check
// (延期答复, a single channel): the "~" is removed and the figure is not
// changed.

// corpusCase is one narrative with its tables.
type corpusCase struct {
	name  string
	year  int
	prose string
	// t3: "ROW=v" sets the 总计 of a row (a group key such as R3_4 sets its
	// first item row); "ROW.col=v" sets an applicant column (the rest of
	// the row goes to 自然人). R3_7 is the sum of the results.
	t3 string
	// t4: "review=m/c/o/p" gives 结果维持/纠正/其他/尚未审结 of a group.
	t4 string
}

var corpus = []corpusCase{
	{"街道-2021", 2021, `（二）依申请公开情况。2021年，本街道办事处共收到政府信息公开申请12件，其中当面申请5件、网上申请4件、信函申请3件，上年结转0件。全部按期答复，其中予以公开7件，部分公开2件，无法提供3件，结转下年度继续办理0件。
本年度未发生因政府信息公开引起的行政复议、行政诉讼。`,
		"R1=12 R3_1=7 R3_2=2 R3_4=3", ""},
	{"乡镇-2022", 2022, `2022年，我镇共受理政府信息公开申请3件，3件全部予以公开，无结转下年度办理件。本年度未收到因政府信息公开申请引起的行政复议和行政诉讼。`,
		"R1=3 R3_1=3", ""},
	{"乡镇-2023-无申请", 2023, `（二）依申请公开。2023年度，我镇无信息公开申请，无行政复议、行政诉讼情况。`,
		"", ""},
	{"部门-2024-简", 2024, `（二）依申请公开情况。2024年，本局共受理信息公开申请18件，均按时答复，未引起行政复议或行政诉讼，答复满意率~100%。`,
		"R1=18 R3_1=10 R3_4=7 R3_5=1", ""},
	{"县政府-2024", 2024, `（二）依申请公开。全年共收到政府信息公开申请156件，较上年增长~12.3%，上年结转6件。其中，公民个人申请142件，法人或其他组织申请14件。从申请方式看，网上申请98件，信函申请40件，当面申请18件。
已办结150件，其中予以公开62件，占41.3%；部分公开18件，占12.0%；不予公开5件；无法提供41件；不予处理16件；其他处理8件。结转下年度继续办理12件。`,
		"R1=156 R1.corp=10 R1.ngo=2 R1.legal=2 R2=6 R3_1=62 R3_2=18 R3_3=5 R3_4=41 R3_5=16 R3_6=8 R4=12", ""},
	{"市政府-2025", 2025, `2025年，市政府本级共新收政府信息公开申请412件，上年结转23件，共计435件。办结418件，结转下年度继续办理17件。办结的申请中，予以公开136件，部分公开52件，不予公开9件，无法提供147件，不予处理38件，其他处理36件。
政府信息公开行政复议21件，其中结果维持14件，结果纠正3件，尚未审结4件；行政诉讼17件，其中结果维持11件，结果纠正1件，其他结果2件，尚未审结3件。`,
		"R1=412 R2=23 R3_1=136 R3_2=52 R3_3=9 R3_4=147 R3_5=38 R3_6=36 R4=17", "review=14/3/0/4 lit_direct=11/1/2/3"},
	{"街道-2025-结转年份", 2025, `本年度共收到政府信息公开申请9件，上年结转1件，已办结8件，结转2026年继续办理2件。其中予以公开5件，无法提供2件，不予处理1件。`,
		"R1=9 R2=1 R3_1=5 R3_4=2 R3_5=1 R4=2", ""},
	{"部门-2023-转至今年", 2023, `2023年，我局共办理政府信息公开申请45件（含2022年转至今年办理的3件），其中予以公开20件，部分公开6件，不予公开2件，无法提供12件，不予处理3件，其他处理1件，另有1件顺延至下一年答复。`,
		"R1=42 R2=3 R3_1=20 R3_2=6 R3_3=2 R3_4=12 R3_5=3 R3_6=1 R4=1", ""},
	{"部门-2022-条", 2022, `（二）依申请公开情况。2022年收到依申请公开17条，均在法定期限内答复。其中予以公开10件，部分公开2件，无法提供5件。`,
		"R1=17 R3_1=10 R3_2=2 R3_4=5", ""},
	{"县部门-2021-份", 2021, `全年共接收政府信息公开申请书55份，上年结转申请2份，办结53件，结转下年度4件。`,
		"R1=55 R2=2 R3_1=30 R3_2=8 R3_4=10 R3_5=5 R4=4", ""},
	{"乡镇-2024-项", 2024, `本年度共收到信息公开申请3项，已全部答复，其中予以公开1件，无法提供2件。因政府信息公开工作被申请复议1件，被提起诉讼0件。`,
		"R1=3 R3_1=1 R3_4=2", "review=1/0/0/0"},
	{"县政府-2023-占比", 2023, `2023年，县政府共受理政府信息公开申请200件，其中自然人申请197件，占比98.5%；法人或其他组织申请3件，占比1.5%。办结200件，其中予以公开61件，占办结总数的30.5%；部分公开20件，占10.0%；无法提供80件，占40.0%；不予处理25件；其他处理14件。`,
		"R1=200 R1.corp=2 R1.other_org=1 R3_1=61 R3_2=20 R3_4=80 R3_5=25 R3_6=14", ""},
	{"街道-2024-诉讼否定", 2024, `（二）依申请公开。本年度共收到政府信息公开申请6件，均已办结。未收到因政府信息公开申请引起的行政诉讼。`,
		"R1=6 R3_1=4 R3_4=2", ""},
	{"部门-2025-逗号", 2025, `全年收到政府信息公开申请8件，均依法予以答复，结转下年度继续办理0件。其中予以公开5件，部分公开1件，不予处理2件。`,
		"R1=8 R3_1=5 R3_2=1 R3_5=2", ""},
	{"县部门-2022-承接", 2022, `本年度共收到政府信息公开申请21件，上年结转1件，办结22件。全年未发生因政府信息公开引起的行政复议。被提起行政诉讼1件，结果维持。`,
		"R1=21 R2=1 R3_1=9 R3_2=3 R3_4=6 R3_5=2 R3_6=2", "lit_direct=1/0/0/0"},
	{"市部门-2024-共办结", 2024, `2024年共收到政府信息公开申请66件，上年结转3件，共办结69件，其中予以公开30件，部分公开10件，不予公开4件，无法提供20件，不予处理3件，其他处理2件。`,
		"R1=66 R2=3 R3_1=30 R3_2=10 R3_3=4 R3_4=20 R3_5=3 R3_6=2", ""},
	{"街道-2022-含结转", 2022, `2022年共受理政府信息公开申请14件（含上年结转2件），已全部办结。其中，予以公开6件，部分公开3件，无法提供4件，不予处理1件。`,
		"R1=12 R2=2 R3_1=6 R3_2=3 R3_4=4 R3_5=1", ""},
	{"市政府-2021", 2021, `（二）依申请公开。2021年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件），另有103件顺延到下年度办理。
从答复结果看，予以公开1200件，部分公开350件，不予公开60件，无法提供1100件，不予处理200件，其他处理140件。`,
		"R1=3119 R2=34 R3_1=1200 R3_2=350 R3_3=60 R3_4=1100 R3_5=200 R3_6=140 R4=103", ""},
	{"县政府-2025-复议诉讼", 2025, `本年度，因政府信息公开申请答复引起行政复议5件，其中维持3件，纠正1件，尚未审结1件；引起行政诉讼2件，均为未经复议直接起诉，其中维持1件，尚未审结1件。`,
		"", "review=3/1/0/1 lit_direct=1/0/0/1"},
	{"乡镇-2021-简", 2021, `2021年，我乡未收到政府信息公开申请，未发生行政复议、行政诉讼案件。`,
		"", ""},
	{"部门-2022-中文数字", 2022, `全年共收到政府信息公开申请十二件，上年结转两件，办结十三件，结转下年度继续办理一件。其中予以公开八件，部分公开两件，无法提供三件。`,
		"R1=12 R2=2 R3_1=8 R3_2=2 R3_4=3 R4=1", ""},
	{"县政府-2022-渠道", 2022, `2022年，县人民政府办公室共收到政府信息公开申请27件，上年结转3件。从申请渠道看，通过政府网站申请15件，信函申请8件，当面申请4件。已按期办结28件，结转下年度继续办理2件。`,
		"R1=27 R2=3 R3_1=12 R3_2=5 R3_4=8 R3_5=3 R4=2", ""},
	{"街道-2023-各类", 2023, `2023年度，本街道共收到政府信息公开申请10件，办理答复10件。其中：予以公开4件，部分公开2件，不予公开1件，无法提供2件，不予处理1件。行政复议0件，行政诉讼0件。`,
		"R1=10 R3_1=4 R3_2=2 R3_3=1 R3_4=2 R3_5=1", ""},
	{"市部门-2025-企业", 2025, `本年度新收政府信息公开申请50件，其中自然人申请40件，企业申请8件，其他组织申请2件；上年结转5件。本年度办结52件，结转下年度3件。`,
		"R1=50 R1.corp=8 R1.other_org=2 R2=5 R3_1=20 R3_2=10 R3_4=15 R3_5=5 R3_6=2 R4=3", ""},
	{"县部门-2024-无结转", 2024, `2024年度共收到政府信息公开申请7件，均已在法定期限内答复，无结转下年度办理件。其中予以公开3件，部分公开1件，无法提供3件。未发生因政府信息公开申请引起的行政复议、行政诉讼。`,
		"R1=7 R3_1=3 R3_2=1 R3_4=3", ""},
	{"市政府-2023-复议", 2023, `因政府信息公开工作被申请行政复议32件，其中结果维持20件，结果纠正4件，其他结果3件，尚未审结5件；被提起行政诉讼18件，其中未经复议直接起诉12件，复议后起诉6件。`,
		"", "review=20/4/3/5 lit_direct=8/1/1/2 lit_after_review=4/0/1/1"},
	{"乡镇-2025-合计", 2025, `本年度收到政府信息公开申请4件，上年结转1件，合计5件，已全部办结。其中予以公开3件，不予处理2件。`,
		"R1=4 R2=1 R3_1=3 R3_5=2", ""},
	{"部门-2021-办理结果", 2021, `2021年，本委共收到政府信息公开申请35件，按时答复率~100%。办理结果：予以公开17件，部分公开5件，不予公开3件，无法提供7件，不予处理2件，其他处理1件。`,
		"R1=35 R3_1=17 R3_2=5 R3_3=3 R3_4=7 R3_5=2 R3_6=1", ""},
	{"县政府-2021-占新收", 2021, `2021年共收到政府信息公开申请80件，其中予以公开40件，占收到申请总数的50.0%；部分公开12件，占15.0%；无法提供20件，占25.0%；不予处理8件，占10.0%。`,
		"R1=80 R3_1=40 R3_2=12 R3_4=20 R3_5=8", ""},
	{"街道-2024-延期", 2024, `本年度共受理政府信息公开申请11件，其中延期答复~2件，已办结11件，予以公开6件、部分公开2件、无法提供3件。`,
		"R1=11 R3_1=6 R3_2=2 R3_4=3", ""},
	{"市部门-2022-转结", 2022, `本年度新收政府信息公开申请19件，上年转结4件，共计23件，已办结21件，转结下年度2件。`,
		"R1=19 R2=4 R3_1=10 R3_2=3 R3_4=6 R3_5=2 R4=2", ""},
	{"县部门-2023-诉讼维持", 2023, `全年共发生政府信息公开行政复议案件2件，均获维持；行政诉讼案件1件，尚未审结。`,
		"", "review=2/0/0/0 lit_direct=0/0/0/1"},
	// written afterwards, as a reviewer who had not seen the reader: other
	// wording of the same facts
	{"街道-2024-渠道在前", 2024, `2024年，某某街道办事处共收到政府信息公开申请5件，其中网上申请3件，当面申请2件。均在规定时限内予以答复，答复率~100%。其中，予以公开2件，部分公开1件，无法提供2件。`,
		"R1=5 R3_1=2 R3_2=1 R3_4=2", ""},
	{"部门-2025-其中新收", 2025, `本年度本机关收到政府信息公开申请28件（其中新收26件，上年结转2件），已全部按期办结。从办理结果看：予以公开12件，部分公开3件，不予公开1件，无法提供10件，不予处理2件。`,
		"R1=26 R2=2 R3_1=12 R3_2=3 R3_3=1 R3_4=10 R3_5=2", ""},
	{"县政府-2023-同比", 2023, `2023年，区政府办公室共收到政府信息公开申请126件，同比下降~8.7%，其中，自然人申请119件，法人或其他组织申请7件；上年度结转申请5件。共办结申请124件，结转下年度继续办理7件。
在办理结果方面，予以公开40件，占比32.3%；部分公开12件，占比9.7%；不予公开3件；无法提供50件；不予处理11件；其他处理8件。`,
		"R1=126 R1.corp=5 R1.legal=2 R2=5 R3_1=40 R3_2=12 R3_3=3 R3_4=50 R3_5=11 R3_6=8 R4=7", ""},
	{"部门-2022-未发生案件", 2022, `2022年度，本机关收到政府信息公开申请4件，全部予以公开。未发生政府信息公开行政复议、行政诉讼案件。`,
		"R1=4 R3_1=4", ""},
	{"县部门-2024-审理中", 2024, `本年度共收到政府信息公开申请15件，已全部办结。因政府信息公开工作被申请行政复议2件，其中1件维持原行政行为，1件尚在审理中；被提起行政诉讼3件，法院判决驳回原告诉讼请求2件，1件尚未审结。`,
		"R1=15 R3_1=7 R3_2=2 R3_4=4 R3_5=2", "review=1/0/0/1 lit_direct=2/0/0/1"},
	// written after acceptance testing: a result before 答复, a group of
	// results named with 等, bare 复议/诉讼, 占全部申请的
	{"县部门-2024-等情形", 2024, `（二）依申请公开情况。2024年，本局共收到政府信息公开申请40件，上年结转2件。本年度共办结申请38件，其中予以公开15件，属于不予公开、无法提供、不予处理等情形依规答复23件，结转下年度继续办理4件。依法作出予以公开答复15件，部分公开答复5件，以无法提供方式答复12件。予以公开15件，占全部申请的35.7%。本年度复议3件，诉讼2件。本年度未收到政府信息公开申请以外的其他申请。`,
		"R1=40 R2=2 R3_1=15 R3_2=5 R3_3=2 R3_4=12 R3_5=4 R4=4", "review=2/0/0/1 lit_direct=1/0/0/0 lit_after_review=0/1/0/0"},
	{"部门-2025-按期答复", 2025, `2025年度，本局共受理政府信息公开申请10件，其中，按期答复10件，答复率~100%。`,
		"R1=10 R3_1=6 R3_4=4", ""},
	{"县政府-2024-截至", 2024, `截至2024年12月31日，县政府办公室共收到政府信息公开申请18件，已全部办结，较2023年增加~5件。`,
		"R1=18 R3_1=8 R3_2=2 R3_4=6 R3_5=2", ""},
	{"部门-2023-括号分类", 2023, `收到申请的处理情况：予以公开6件，部分公开（区分处理）2件，不予公开1件（属于三类内部事务信息），无法提供13件（其中本机关不掌握相关政府信息~11件，没有现成信息需要另行制作~2件），不予处理4件（重复申请~3件、要求提供公开出版物~1件）。
全年共收到政府信息公开申请26件。`,
		"R1=26 R3_1=6 R3_2=2 R3_3=1 R3_4_1=11 R3_4_2=2 R3_5_2=3 R3_5_3=1", ""},
	{"乡镇-2025-零件", 2025, `本年度我镇共收到政府信息公开申请0件。`,
		"", ""},
	{"部门-2021-渠道括号", 2021, `2021年度我局共收到政府信息公开申请（含网上申请、信函申请、当面申请）共计16件，办结16件。`,
		"R1=16 R3_1=9 R3_2=2 R3_4=5", ""},
	{"部门-2024-当场延期", 2024, `全年共收到政府信息公开申请9件，其中，当场答复~5件，延期答复~2件，全部在法定期限内办结9件。`,
		"R1=9 R3_1=5 R3_4=4", ""},
	{"市政府-2022-全市", 2022, `全年共收到政府信息公开申请1356件，比上年减少~3件，上年结转41件，办结1350件，结转下年度继续办理47件。
其中予以公开512件、部分公开120件、不予公开31件、无法提供498件、不予处理117件、其他处理72件。`,
		"R1=1356 R2=41 R3_1=512 R3_2=120 R3_3=31 R3_4=498 R3_5=117 R3_6=72 R4=47", ""},
	{"街道-2023-复议诉讼均无", 2023, `本年度，本街道收到政府信息公开申请2件，均已答复，无因政府信息公开申请引发的行政复议、行政诉讼。`,
		"R1=2 R3_1=1 R3_4=1", ""},
	{"县部门-2025-受理含结转在内", 2025, `全年共受理政府信息公开申请（含上年结转）33件，办结31件，结转下年度办理2件。`,
		"R1=30 R2=3 R3_1=15 R3_2=4 R3_4=8 R3_5=4 R4=2", ""},
	{"县政府-2021-复议分列", 2021, `2021年，县政府作为被申请人的政府信息公开行政复议案件6件，其中维持4件、纠正1件、其他结果1件；作为被告的政府信息公开行政诉讼案件4件，其中维持2件、尚未审结2件。`,
		"", "review=4/1/1/0 lit_direct=2/0/0/2"},
	// a third set, written later against the reader's blind spots
	{"区政府-2022-线上线下", 2022, `（二）依申请公开情况。2022年，区政府共收到政府信息公开申请188件，其中线上申请132件，线下申请56件；上年结转8件。办结191件，结转下年度5件。办理结果方面，予以公开73件，部分公开15件，不予公开6件，无法提供72件，不予处理14件，其他处理11件。`,
		"R1=188 R2=8 R3_1=73 R3_2=15 R3_3=6 R3_4=72 R3_5=14 R3_6=11 R4=5", ""},
	{"部门-2023-主动公开同句", 2023, `（一）主动公开情况。全年主动公开政府信息~356条，受理依申请公开12件，均在规定时限内办结。`,
		"R1=12 R3_1=5 R3_2=2 R3_4=4 R3_5=1", ""},
	{"县政府-2021-原因", 2021, `全年共收到政府信息公开申请40件，办结40件。不予公开3件，主要原因是属于三类内部事务信息（~2件）和过程性信息（~1件）；无法提供15件，其中本机关不掌握相关政府信息~12件；予以公开18件，部分公开4件。`,
		"R1=40 R3_1=18 R3_2=4 R3_3_5=2 R3_3_6=1 R3_4_1=12 R3_4_2=3", ""},
	{"单位-2024-无", 2024, `2024年度，本单位未收到政府信息公开申请，也未发生政府信息公开行政复议和行政诉讼。`,
		"", ""},
	{"部门-2025-来自企业", 2025, `本年度共收到政府信息公开申请23件，其中，来自个人的申请~20件，来自企业的申请3件。全部依法按时答复。`,
		"R1=23 R1.corp=3 R3_1=10 R3_2=3 R3_4=8 R3_5=2", ""},
	{"部门-2022-复议结果为维持", 2022, `本年度，我局共发生政府信息公开行政复议案件1件，复议结果为维持；行政诉讼案件0件。`,
		"", "review=1/0/0/0"},
	{"市政府-2024-全市", 2024, `全市各级行政机关共收到政府信息公开申请5821件，其中市政府部门收到~2133件，各县（市、区）收到~3688件。上年结转130件，办结5790件，结转下年度161件。`,
		"R1=5821 R2=130 R3_1=2000 R3_2=600 R3_3=90 R3_4=2500 R3_5=400 R3_6=200 R4=161", ""},
	{"街道-2023-申请中", 2023, `本年度收到的29件申请中，予以公开11件，部分公开4件，不予公开1件，无法提供9件，不予处理2件，其他处理1件，另有1件结转至下一年度继续办理。`,
		"R1=29 R3_1=11 R3_2=4 R3_3=1 R3_4=9 R3_5=2 R3_6=1 R4=1", ""},
	{"县部门-2024-同比括号", 2024, `全年收到政府信息公开申请29件（同比增长~20.8%），办结29件。`,
		"R1=29 R3_1=12 R3_2=5 R3_4=9 R3_5=3", ""},
	{"县部门-2025-无法提供中", 2025, `全年共收到政府信息公开申请30件，已全部办结。其中予以公开15件，无法提供的9件中，本机关不掌握相关政府信息的~8件，没有现成信息需要另行制作的~1件；不予处理6件。`,
		"R1=30 R3_1=15 R3_4_1=8 R3_4_2=1 R3_5=6", ""},
	{"乡镇-2022-人大建议", 2022, `（一）主动公开。全年办理人大代表建议~5件、政协提案~3件，受理政务服务事项~1200件。
（二）依申请公开。全年共收到政府信息公开申请2件，均已按时答复，其中予以公开1件，无法提供1件。`,
		"R1=2 R3_1=1 R3_4=1", ""},
	{"市部门-2021-正在办理", 2021, `全年共收到政府信息公开申请64件，上年结转3件，办结62件。截至12月31日，尚有5件申请正在办理中，将结转至下一年度继续办理。`,
		"R1=64 R2=3 R3_1=30 R3_2=8 R3_3=2 R3_4=15 R3_5=5 R3_6=2 R4=5", ""},
	{"县政府-2023-两段", 2023, `（二）依申请公开。全年共受理政府信息公开申请57件，上年结转4件。
按照办理结果分，予以公开25件、部分公开8件、不予公开3件、无法提供15件、不予处理4件、其他处理2件，结转下年度继续办理4件。`,
		"R1=57 R2=4 R3_1=25 R3_2=8 R3_3=3 R3_4=15 R3_5=4 R3_6=2 R4=4", ""},
	{"街道-2025-复议诉讼各", 2025, `本年度因政府信息公开引起的行政复议、行政诉讼各1件，行政复议结果为纠正，行政诉讼尚未审结。`,
		"", "review=0/1/0/0 lit_direct=0/0/0/1"},
	{"部门-2024-受理含在内", 2024, `全年共受理包括上年结转在内的政府信息公开申请35件，已办结33件，另有2件顺延至2025年办理。`,
		"R1=31 R2=4 R3_1=14 R3_2=5 R3_4=10 R3_5=3 R3_6=1 R4=2", ""},
	// a fourth set, other phrasings again
	{"县部门-2023-同意公开", 2023, `全年受理各类政府信息公开申请共计45件，较上年持平。截至12月31日，共办结申请44件，1件正在办理中。在已办结的44件申请中，同意公开20件，同意部分公开5件，不予公开2件，无法提供12件，不予处理3件，其他处理2件。上年度结转的3件申请已全部办结。`,
		"R1=42 R2=3 R3_1=20 R3_2=5 R3_3=2 R3_4=12 R3_5=3 R3_6=2 R4=1", ""},
	{"部门-2022-不服提起", 2022, `本年度申请人对本机关政府信息公开答复不服提起行政复议1件，经复议维持原答复。本年度涉及本单位的政府信息公开行政诉讼案件2件，其中一审判决驳回诉讼请求1件，尚在审理中1件。`,
		"", "review=1/0/0/0 lit_direct=1/0/0/1"},
	{"乡镇-2021-申请人类型", 2021, `2021年度，共收到政府信息公开申请8件，全部为自然人申请。从申请人类型看，自然人申请6件，占75%；企业申请2件，占25%。`,
		"R1=8 R1.corp=2 R3_1=5 R3_4=3", ""},
	{"街道-2025-依申请予以公开", 2025, `本年度共答复政府信息公开申请11件，其中依申请予以公开8件、无法提供3件。`,
		"R1=11 R3_1=8 R3_4=3", ""},
	{"市政府-2024-分别为", 2024, `全市行政机关共受理政府信息公开申请2356件（其中新收2290件、上年结转66件），办结2301件，结转下年度55件。办理结果中，予以公开、部分公开的分别为865件、231件，不予公开40件，无法提供912件，不予处理153件，其他处理100件。`,
		"R1=2290 R2=66 R3_1=865 R3_2=231 R3_3=40 R3_4=912 R3_5=153 R3_6=100 R4=55", ""},
}

// buildCorpusReport makes a report of the case with its tables.
func buildCorpusReport(t testing.TB, c corpusCase, prose string) *parser.Report {
	t.Helper()
	doc := &parser.Document{Format: parser.FormatText}
	r := &parser.Report{Doc: doc, Year: c.year, Layout: parser.Layout2021, Tables: map[parser.TableID]*parser.CanonTable{}}
	for i, line := range strings.Split(prose, "\n") {
		r.Paragraphs = append(r.Paragraphs, &parser.Paragraph{Text: line, Loc: parser.Loc{Line: i + 1, Column: 1}})
	}
	// table 三
	totals := map[parser.RowKey]float64{}
	cols := map[parser.RowKey]map[parser.ColKey]float64{}
	first := map[parser.RowKey]parser.RowKey{"R3_3": "R3_3_1", "R3_4": "R3_4_1", "R3_5": "R3_5_1", "R3_6": "R3_6_1"}
	for _, tok := range strings.Fields(c.t3) {
		k, v, ok := strings.Cut(tok, "=")
		require.True(t, ok, tok)
		n, err := strconv.ParseFloat(v, 64)
		require.NoError(t, err, tok)
		rowS, colS, hasCol := strings.Cut(k, ".")
		row, col := parser.RowKey(rowS), parser.ColKey(colS)
		if f, ok := first[row]; ok {
			row = f
		}
		if hasCol {
			if cols[row] == nil {
				cols[row] = map[parser.ColKey]float64{}
			}
			cols[row][col] = n
			continue
		}
		totals[row] = n
	}
	results := 0.0
	for _, k := range parser.Table3ResultKeys(parser.Layout2021) {
		results += totals[k]
	}
	totals["R3_7"] = results
	require.Equal(t, totals["R1"]+totals["R2"], totals["R3_7"]+totals["R4"], "%s: table 三 does not balance", c.name)
	t3 := &parser.CanonTable{ID: parser.Table3, Rows: map[parser.RowKey]*parser.CanonRow{}}
	for _, d := range parser.Table3Rows() {
		if d.Layout == parser.Layout2019 {
			continue
		}
		row := &parser.CanonRow{Key: d.Key, Def: d}
		row.Def.Cols = parser.Table3Cols()
		rest := totals[d.Key]
		for _, col := range parser.Table3Cols()[1:6] {
			rest -= cols[d.Key][col.Key]
		}
		for _, col := range parser.Table3Cols() {
			v := cols[d.Key][col.Key]
			switch col.Key {
			case "natural":
				v = rest
			case "total":
				v = totals[d.Key]
			}
			row.Cells = append(row.Cells, &parser.Value{Kind: parser.Number, Num: v})
		}
		t3.Rows[d.Key] = row
	}
	r.Tables[parser.Table3] = t3
	// table 四
	t4v := map[parser.RowKey][4]float64{}
	for _, tok := range strings.Fields(c.t4) {
		k, v, _ := strings.Cut(tok, "=")
		var a [4]float64
		for i, p := range strings.Split(v, "/") {
			a[i], _ = strconv.ParseFloat(p, 64)
		}
		t4v[parser.RowKey(k)] = a
	}
	t4 := &parser.CanonTable{ID: parser.Table4, Rows: map[parser.RowKey]*parser.CanonRow{}}
	for _, d := range parser.Table4Rows() {
		row := &parser.CanonRow{Key: d.Key, Def: d}
		a := t4v[d.Key]
		for _, v := range []float64{a[0], a[1], a[2], a[3], a[0] + a[1] + a[2] + a[3]} {
			row.Cells = append(row.Cells, &parser.Value{Kind: parser.Number, Num: v})
		}
		t4.Rows[d.Key] = row
	}
	r.Tables[parser.Table4] = t4
	return r
}

// narrativeFindings runs N501–N503 on a report.
func narrativeFindings(t testing.TB, r *parser.Report) []Finding {
	var out []Finding
	for _, id := range []string{"N501", "N502", "N503"} {
		rule := Lookup(id)
		rule.Check(&Pass{Report: r, rule: rule, out: &out})
	}
	return out
}

// mutation is one stated figure changed.
type mutation struct {
	para       int
	start, end int // rune offsets of the number in the paragraph
	was, now   string
}

// corpusMutations lists a change for every checkable figure of the prose:
// counts in 件 (and 条/份/项 after 申请), and shares after 占.
func corpusMutations(prose string) []mutation {
	var out []mutation
	for pi, para := range strings.Split(prose, "\n") {
		rs := []rune(para)
		for _, f := range extractFigures(para) {
			if f.Approx || (f.NumStart > 0 && rs[f.NumStart-1] == '~') {
				continue
			}
			end := f.NumStart
			for end < len(rs) && (isDigit(rs[end]) || rs[end] == '.' || isCNNumeralRune(rs[end])) {
				end++
			}
			was := string(rs[f.NumStart:end])
			var now string
			switch {
			case f.Percent:
				now = strconv.FormatFloat(f.Value+7, 'f', f.Decimals, 64)
			case countUnits[f.Unit] || f.Unit == "条" || f.Unit == "份" || f.Unit == "项":
				now = strconv.FormatFloat(f.Value+1, 'f', -1, 64)
			default:
				continue
			}
			out = append(out, mutation{pi, f.NumStart, end, was, now})
		}
	}
	return out
}

func applyMutation(prose string, m mutation) string {
	paras := strings.Split(prose, "\n")
	rs := []rune(paras[m.para])
	paras[m.para] = string(rs[:m.start]) + m.now + string(rs[m.end:])
	return strings.Join(paras, "\n")
}

func clean(prose string) string { return strings.ReplaceAll(prose, "~", "") }

// TestNarrativeCorpusQuiet: a narrative that agrees with its tables gives
// no N50x finding.
func TestNarrativeCorpusQuiet(t *testing.T) {
	years := map[int]bool{}
	for _, c := range corpus {
		years[c.year] = true
		r := buildCorpusReport(t, c, clean(c.prose))
		for _, f := range narrativeFindings(t, r) {
			t.Errorf("%s: %s %s", c.name, f.Rule, f.Message)
		}
	}
	require.Len(t, years, 5, "every year 2021–2025")
	require.GreaterOrEqual(t, len(corpus), 30)
}

// TestNarrativeCorpusChangedFigures changes one figure at a time and
// requires that at least 90% of the changes are found.
func TestNarrativeCorpusChangedFigures(t *testing.T) {
	found, total := 0, 0
	var missed []string
	for _, c := range corpus {
		for _, m := range corpusMutations(c.prose) {
			prose := clean(applyMutation(c.prose, m))
			r := buildCorpusReport(t, c, prose)
			total++
			if len(narrativeFindings(t, r)) > 0 {
				found++
				continue
			}
			para := []rune(clean(strings.Split(c.prose, "\n")[m.para]))
			from := max(0, m.start-18)
			to := min(len(para), m.end+6)
			missed = append(missed, fmt.Sprintf("%s: %s→%s in …%s…", c.name, m.was, m.now, string(para[from:to])))
		}
	}
	share := float64(found) / float64(total)
	t.Logf("changed figures found: %d of %d (%.1f%%)", found, total, 100*share)
	for _, s := range missed {
		t.Logf("missed %s", s)
	}
	require.GreaterOrEqual(t, share, 0.90, "share of changed figures found")
}
