package rules

// arabicDates returns the submatches 1–3 (year, month, day) of every match
// of zhtext.DateRe, `((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`,
// in s, as DateRe.FindAllStringSubmatch(s, -1) finds them. The pattern
// needs no backtracking: \s* and \d{1,2} are followed by a rune they do not
// match, so taking as much as they can is the only way on; every match
// starts at an ASCII digit, tried at each byte from where the last match
// ended (the regexp's leftmost, non-overlapping matches).
func arabicDates(s string) [][3]string {
	var out [][3]string
	for i := 0; i+4 <= len(s); {
		if c := s[i]; c != '1' && c != '2' {
			i++ // no year starts here (arabicDateAt's first test, in line)
			continue
		}
		y, m, d, end, ok := arabicDateAt(s, i)
		if !ok {
			i++
			continue
		}
		out = append(out, [3]string{y, m, d})
		i = end
	}
	return out
}

// arabicDateAt matches DateRe at byte i of s.
func arabicDateAt(s string, i int) (y, m, d string, end int, ok bool) {
	if !(s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') || !isASCIIDigit(s[i+2]) || !isASCIIDigit(s[i+3]) {
		return
	}
	y = s[i : i+4]
	k := skipPerlSpace(s, i+4)
	if k = hasWordAt(s, k, "年"); k < 0 {
		return
	}
	if m, k = digits12(s, skipPerlSpace(s, k)); m == "" {
		return
	}
	if k = hasWordAt(s, skipPerlSpace(s, k), "月"); k < 0 {
		return
	}
	if d, k = digits12(s, skipPerlSpace(s, k)); d == "" {
		return
	}
	k = skipPerlSpace(s, k)
	if e := hasWordAt(s, k, "日"); e >= 0 {
		return y, m, d, e, true
	}
	if e := hasWordAt(s, k, "号"); e >= 0 {
		return y, m, d, e, true
	}
	return
}

// skipPerlSpace skips \s (Perl's [\t\n\f\r ]) from byte k.
func skipPerlSpace(s string, k int) int {
	for k < len(s) {
		switch s[k] {
		case '\t', '\n', '\f', '\r', ' ':
			k++
			continue
		}
		break
	}
	return k
}

// hasWordAt returns the end of w when s holds it at byte k, else -1.
func hasWordAt(s string, k int, w string) int {
	if len(s)-k >= len(w) && s[k:k+len(w)] == w {
		return k + len(w)
	}
	return -1
}

// digits12 reads one or two ASCII digits at byte k (as many as there are).
func digits12(s string, k int) (string, int) {
	e := k
	for e < len(s) && e-k < 2 && isASCIIDigit(s[e]) {
		e++
	}
	return s[k:e], e
}
