package zhtext

// CountUnits are the units of application and case counts (表三、表四).
var CountUnits = map[string]bool{"件": true, "起": true, "宗": true, "例": true}

// NounUnits are the units that count applications only when the noun they
// count is an application: "申请书55份", "收到依申请公开17条", "申请3项".
var NounUnits = map[string]bool{"条": true, "份": true, "项": true, "个": true}

// FigureUnits are the units recognised after a number, longest first where
// one is the start of another.
var FigureUnits = []string{"人次", "件次", "万元", "场次", "件", "起", "宗", "例", "条", "篇", "个", "次", "项", "份", "元", "家", "人", "期", "场", "批", "天", "日", "年", "月", "号", "%", "‰"}

// DateUnits make a number a date or a duration part, not a count.
var DateUnits = map[string]bool{"年": true, "月": true, "日": true, "号": true, "天": true}

// ApproxPrefixes written before a number make it approximate.
var ApproxPrefixes = []string{"将近", "大约", "超过", "不足", "不到", "约", "近", "逾", "超"}

// ApproxSuffixes written after a number and its unit make it approximate.
var ApproxSuffixes = []string{"以上", "左右", "以内", "以下"}
