package parser

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// within reports whether s's bytes lie inside buf's.
func within(s, buf string) bool {
	if len(s) == 0 || len(buf) == 0 {
		return false
	}
	p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(buf)))
	return p >= b && p < b+uintptr(len(buf))
}

// freeLabelCaches are the caches on the free list.
func freeLabelCaches() []*labelCache {
	labelCaches.mu.Lock()
	defer labelCaches.mu.Unlock()
	return append([]*labelCache(nil), labelCaches.free...)
}

// labelCacheStrings lists every string a cache holds.
func labelCacheStrings(c *labelCache) []string {
	var out []string
	for k := range c.index {
		out = append(out, k)
	}
	for _, in := range c.infos {
		out = append(out, in.hit.key, in.hit.group, in.hit.want, string(in.hit.table), in.head, in.tail)
	}
	return out
}

const cacheTestDoc = "三、收到和处理政府信息公开申请情况\n\t\t申请人情况\n\t自然人\t法人或其他组织\t\n" +
	"一、本年新收政府信息公开申请数量\t\t1\t2\t3\t4\t5\t6\t21\n" +
	"（三）不予公开1．属于国家秘密\t1\t2\t3\t4\t5\t6\t21\n" +
	"（三）不予公开 2．其他法律行政法规禁止公开\t1\t2\t3\t4\t5\t6\t21\n" +
	"第二十条第（一）项\t信息内容\t本年制发件数\n总计\t3\n其他\t4\n法人或其他组织小计\t1\n" +
	"四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼（未经复议直接起诉）\n1\t2\t3\t4\t5\n" +
	"（一）予以公开啊\t1\t2\n本年新收政府信息公开申请数\t7\n"

// The cache keeps copies: none of its strings lies in a document's text,
// so a cached label does not keep the document in memory.
func TestLabelCacheKeepsNoDocumentText(t *testing.T) {
	setLabelCacheLimits(defaultLabelEntries, defaultLabelBytes)
	defer setLabelCacheLimits(defaultLabelEntries, defaultLabelBytes)
	src := strings.Repeat(cacheTestDoc, 2)
	doc := fuzzDocument(src, []byte{1, 1, 1, 2})
	rep := Recognize(doc)
	if !reflect.DeepEqual(rep, RecognizeRef(doc)) {
		t.Fatal("Recognize differs from the reference path")
	}
	caches := freeLabelCaches()
	if len(caches) != 1 || len(caches[0].infos) == 0 {
		t.Fatalf("%d caches kept, want one in use", len(caches))
	}
	found := false
	for _, in := range caches[0].infos {
		found = found || in.split == labelSplitFound
	}
	if !found {
		t.Error("no split recorded: the test document should have combined labels")
	}
	for _, s := range labelCacheStrings(caches[0]) {
		if within(s, src) {
			t.Errorf("the cache holds %q, a piece of the document's text", s)
		}
	}
}

// The cache never grows beyond its bounds, and results do not depend on
// them.
func TestLabelCacheBounds(t *testing.T) {
	defer setLabelCacheLimits(defaultLabelEntries, defaultLabelBytes)
	lines := strings.Split(cacheTestDoc, "\n")
	for _, lim := range []struct{ entries, bytes int }{{1, 1 << 20}, {5, 1 << 20}, {1000, 600}, {1000, 2000}, {1000, 1 << 20}} {
		setLabelCacheLimits(lim.entries, lim.bytes)
		for i := range 40 {
			// the document's lines rotated and some labels varied
			var b strings.Builder
			for j := range lines {
				l := lines[(i+j)%len(lines)]
				if (i+j)%3 == 0 {
					l = strings.Replace(l, "公开", "公 开", 1)
				}
				b.WriteString(l + "\n")
			}
			doc := fuzzDocument(b.String(), nil)
			if !reflect.DeepEqual(Recognize(doc), RecognizeRef(doc)) {
				t.Fatalf("limits %v, document %d: Recognize differs from the reference path", lim, i)
			}
			for _, c := range freeLabelCaches() {
				if len(c.infos) > lim.entries || c.bytes > lim.bytes || len(c.index) != len(c.infos) {
					t.Fatalf("limits %v: the cache holds %d entries (%d indexed), %d bytes", lim, len(c.infos), len(c.index), c.bytes)
				}
			}
		}
	}
}

// FuzzRecognizeLabelCache recognises a document (built as FuzzRecognize
// does) with the label cache disabled, cold, warm, tiny and after another
// document: every Report is the reference path's.
func FuzzRecognizeLabelCache(f *testing.F) {
	f.Add(cacheTestDoc, []byte{}, "（三）不予公开1．属于国家秘密\t1\n")
	f.Add("（四）无法提供1．本机关不掌握相关政府信息\t1\t2\n（四）无法提供 1．本机关不掌握相关政府信息\n", []byte{1, 2}, "总计\t1")
	for _, s := range fixtureTexts(f) {
		f.Add(s, []byte{}, cacheTestDoc)
	}
	f.Fuzz(func(t *testing.T, text string, spans []byte, other string) {
		if len(text) > 16<<10 || len(other) > 16<<10 {
			return
		}
		doc, prev := fuzzDocument(text, spans), fuzzDocument(other, nil)
		for _, d := range []*Document{doc, prev} {
			for _, b := range d.Blocks {
				if b.Table != nil && gridBound(b.Table) > 200_000 {
					return
				}
			}
		}
		defer setLabelCacheLimits(defaultLabelEntries, defaultLabelBytes)
		want := RecognizeRef(doc)
		for _, lim := range []struct{ entries, bytes int }{{0, 0}, {2, 1 << 20}, {64, 1500}, {defaultLabelEntries, defaultLabelBytes}} {
			setLabelCacheLimits(lim.entries, lim.bytes)
			if !reflect.DeepEqual(Recognize(doc), want) {
				t.Fatalf("limits %v, cold: Recognize differs from the reference path", lim)
			}
			if !reflect.DeepEqual(Recognize(doc), want) {
				t.Fatalf("limits %v, warm: Recognize differs from the reference path", lim)
			}
			setLabelCacheLimits(lim.entries, lim.bytes)
			Recognize(prev)
			if !reflect.DeepEqual(Recognize(doc), want) {
				t.Fatalf("limits %v, after another document: Recognize differs from the reference path", lim)
			}
		}
	})
}
