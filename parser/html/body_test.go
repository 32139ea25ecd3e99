package html

import (
	"math/rand"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parser/html/internal/xhtml"
)

// pubDates must find exactly what the regexp finds over the whole text.
func TestPubDatesMatchesRegexp(t *testing.T) {
	texts := []string{
		"发布日期：2025-01-20来源：县政府",
		"发布日期:2025年1月2日发布时间2025/03/04",
		"成文日期：2024年12月31日发布日期：2025.1.5",
		"发布日期发布日期：2025-1-1",
		"发布于2025-01-209发布于2025-01-2",
		"发布日期：２０２５-01-01发布日期：2025-13-40",
		"发文日期2025-01-0发布时间：2025-1-2公开日期：2024-02-30",
		"发布日期：2025-01-20发布日期：2025-01-21",
		"发布",
		"",
	}
	for _, f := range fixtures(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, _ := decode(data)
		root, err := xhtml.ParseBytes([]byte(src), 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, buildTextMap(root, 0, 0).text)
	}
	// Random strings over the alphabet of the pattern.
	pieces := []string{"发布日期", "发布时间", "发文日期", "公开日期", "成文日期", "发布于", "发布", "：", ":", "2025", "1", "12", "-", "/", ".", "年", "月", "日", "x"}
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		var b strings.Builder
		for range rng.Intn(30) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		want := pubDate.FindAllStringSubmatchIndex(s, -1)
		got := pubDates(s)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", s, got, want)
		}
	}
}
