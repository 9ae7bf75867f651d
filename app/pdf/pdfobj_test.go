package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"acedesk/app/sign"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func TestLex(t *testing.T) {
	tests := []struct {
		in   string
		kind tokKind
		want string
	}{
		{"  /Type /Page", tokName, "/Type"},
		{"<< /A 1 >>", tokDelim, "<<"},
		{"<0A1b> x", tokHex, "<0A1b>"},
		{`(a \) (b) \\) rest`, tokString, `(a \) (b) \\)`},
		{"% a comment\n-12.5 0", tokNumber, "-12.5"},
		{"1.2.3", tokKeyword, "1.2.3"},
		{"endobj\n", tokKeyword, "endobj"},
		{"", tokEOF, ""},
	}
	for _, tt := range tests {
		tok, err := lex([]byte(tt.in), 0)
		if err != nil {
			t.Errorf("lex(%q): %v", tt.in, err)
			continue
		}
		if got := tt.in[tok.start:tok.end]; tok.kind != tt.kind || got != tt.want {
			t.Errorf("lex(%q) = kind %d %q, want kind %d %q", tt.in, tok.kind, got, tt.kind, tt.want)
		}
	}
	for _, bad := range []string{"(open", "<abc", ">", ")"} {
		if _, err := lex([]byte(bad), 0); err == nil {
			t.Errorf("lex(%q) took it", bad)
		}
	}
}

func TestDictValueAndSet(t *testing.T) {
	d := []byte("<</Type /Font /Name (x /Length 9) /Sub <</Length 7>> /Kids [3 0 R 4 0 R] /Length 12>>")
	for key, want := range map[string]string{"Type": "/Font", "Length": "12", "Kids": "[3 0 R 4 0 R]", "Sub": "<</Length 7>>", "Missing": ""} {
		got, err := dictValue(d, key)
		if err != nil || string(got) != want {
			t.Errorf("dictValue(%s) = %q, %v; want %q", key, got, err, want)
		}
	}
	tests := []struct{ key, value, want string }{
		{"Length", "40", "<</Type /Font /Name (x /Length 9) /Sub <</Length 7>> /Kids [3 0 R 4 0 R] /Length 40>>"},
		{"Filter", "/FlateDecode", "<</Type /Font /Name (x /Length 9) /Sub <</Length 7>> /Kids [3 0 R 4 0 R] /Length 12/Filter /FlateDecode>>"},
		{"Kids", "", "<</Type /Font /Name (x /Length 9) /Sub <</Length 7>>  /Length 12>>"},
	}
	for _, tt := range tests {
		got, err := dictSet(d, tt.key, tt.value)
		if err != nil || string(got) != tt.want {
			t.Errorf("dictSet(%s, %q) = %q, %v; want %q", tt.key, tt.value, got, err, tt.want)
		}
	}
}

func TestRefs(t *testing.T) {
	in := []byte("<</Parent 1 0 R /Title (3 0 R) /Kids [12 0 R 7 0 R] /MediaBox [0 0 841.89 595.28]>>")
	var seen []int
	out, err := refs(in, func(n int) int {
		seen = append(seen, n)
		return n + 100
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 12, 7}; !slices.Equal(seen, want) {
		t.Errorf("references = %v, want %v", seen, want)
	}
	if want := "<</Parent 101 0 R /Title (3 0 R) /Kids [112 0 R 107 0 R] /MediaBox [0 0 841.89 595.28]>>"; string(out) != want {
		t.Errorf("renumbered = %q, want %q", out, want)
	}
}

// writeDoc writes objects 1..n with the writer, as a test document.
func writeDoc(t *testing.T, objs []pdfObject) []byte {
	t.Helper()
	w := newPDFWriter([]byte("%PDF-1.3"), 0)
	for n := 1; n < len(objs); n++ {
		w.object(n, objs[n].dict, objs[n].stream)
	}
	out, err := w.finish(len(objs)-1, len(objs)-2)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriterRoundTrip(t *testing.T) {
	content := []byte("BT (endstream\nendobj) Tj ET\n")
	objs := []pdfObject{{},
		{dict: []byte("<</Type /Pages /Kids [2 0 R] /Count 1 /MediaBox [0 0 200 100]>>")},
		{dict: []byte("<</Type /Page /Parent 1 0 R /Contents 3 0 R>>")},
		{dict: []byte("<</Length " + strconv.Itoa(len(content)) + ">>"), stream: content},
		{dict: []byte("<</Producer (x)>>")},
		{dict: []byte("<</Type /Catalog /Pages 1 0 R>>")},
	}
	if err := compressObject(&objs[3]); err != nil {
		t.Fatal(err)
	}
	b := writeDoc(t, objs)
	d, err := parsePDF(b)
	if err != nil {
		t.Fatal(err)
	}
	if d.root != 5 || d.info != 4 || len(d.objs) != len(objs) {
		t.Fatalf("root %d, info %d, %d objects; want 5, 4, %d", d.root, d.info, len(d.objs), len(objs))
	}
	for n := 1; n < len(objs); n++ {
		if !bytes.Equal(d.objs[n].dict, objs[n].dict) || !bytes.Equal(d.objs[n].stream, objs[n].stream) {
			t.Errorf("object %d = %q %q, want %q %q", n, d.objs[n].dict, d.objs[n].stream, objs[n].dict, objs[n].stream)
		}
	}
	got, err := inflate(d.objs[3].stream)
	if err != nil || !bytes.Equal(got, content) {
		t.Errorf("stream inflates to %q, %v; want %q", got, err, content)
	}
	if f, _ := dictValue(d.objs[3].dict, "Filter"); string(f) != "/FlateDecode" {
		t.Errorf("compressed stream's filter = %q", f)
	}
	if n := pageCount(t, b); n != 1 {
		t.Errorf("pdfinfo: %d pages, want 1", n)
	}
}

// checkXref checks that each xref entry of doc points at its object.
func checkXref(t *testing.T, doc []byte) {
	t.Helper()
	sx := bytes.LastIndex(doc, []byte("startxref\n"))
	xref, err := strconv.Atoi(strings.Fields(string(doc[sx+len("startxref\n"):]))[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(doc[xref:sx]), "\n")
	count, _ := strconv.Atoi(strings.Fields(lines[1])[1])
	for n := 1; n < count; n++ {
		line := lines[2+n]
		if len(line) != 19 {
			t.Errorf("xref line %q is not 20 bytes with its newline", line)
		}
		off, _ := strconv.Atoi(line[:10])
		if want := fmt.Sprintf("%d 0 obj\n", n); !bytes.HasPrefix(doc[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", n, doc[off:min(off+12, len(doc))])
		}
	}
}

// Every stream of a finished certificate document is compressed and
// inflates, and the xref table finds every object; joined runs keep their
// pages, text and payloads in order.
func TestFinishedDocuments(t *testing.T) {
	r := newRenderer(t)
	st := style
	st.SealPNG = scribble()
	font, err := r.fontFor(samples, st)
	if err != nil {
		t.Fatal(err)
	}
	var parts []*drawn
	for _, run := range [][]Certificate{samples[:2], samples[2:]} {
		d, err := r.drawCertificates(t.Context(), font, run, st, func() {})
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, d)
	}
	info, err := parts[0].infoDict(title(samples), keywords(samples))
	if err != nil {
		t.Fatal(err)
	}
	joined, err := joinDrawn(parts, info)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pageCount(t, joined), len(samples); got != want {
		t.Errorf("joined: %d pages, want %d", got, want)
	}
	text := pdfText(t, joined)
	at := -1
	for _, c := range samples {
		i := strings.Index(text, c.Serial)
		if i <= at {
			t.Errorf("joined: serial %s at %d, after the one before at %d", c.Serial, i, at)
		}
		at = i
	}
	payloads, err := sign.PayloadsFromPDF(joined)
	if want := []string{honor.QR, appointment.QR, thanks.QR}; err != nil || !slices.Equal(payloads, want) {
		t.Errorf("joined: payloads %q, %v; want %q", payloads, err, want)
	}

	docs := append([][]byte{joined}, r.separate(t, samples, st)...)
	for i, b := range docs {
		checkXref(t, b)
		d, err := parsePDF(b)
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		for n, o := range d.objs {
			if o.stream == nil {
				continue
			}
			if f, _ := dictValue(o.dict, "Filter"); string(f) != "/FlateDecode" {
				t.Errorf("document %d object %d: filter %q", i, n, f)
			}
			if _, err := inflate(o.stream); err != nil {
				t.Errorf("document %d object %d: %v", i, n, err)
			}
		}
	}
}

// A one-page file carries the outlines of its own glyphs only, and widths
// for only those.
func TestSeparateFontSubset(t *testing.T) {
	r := newRenderer(t)
	files := r.separate(t, samples, style)
	// 喆 is only in the first certificate, 昇 only in the second.
	tests := []struct {
		file       int
		has, lacks rune
	}{
		{0, '喆', '昇'},
		{1, '昇', '喆'},
	}
	for _, tt := range tests {
		d, err := readDrawn(files[tt.file])
		if err != nil {
			t.Fatal(err)
		}
		s, err := newSplitter(d)
		if err != nil {
			t.Fatal(err)
		}
		outline := func(c rune) int { return len(s.font.glyphs[s.gid[c]]) }
		if outline(tt.has) == 0 {
			t.Errorf("file %d: no outline for %q, which it prints", tt.file, tt.has)
		}
		if s.gid[tt.lacks] == 0 {
			t.Fatalf("file %d: %q is not in the batch's font", tt.file, tt.lacks)
		}
		if outline(tt.lacks) != 0 {
			t.Errorf("file %d: carries the outline of %q, which it does not print", tt.file, tt.lacks)
		}
		if _, ok := s.widths[int(tt.lacks)]; ok {
			t.Errorf("file %d: has a width for %q", tt.file, tt.lacks)
		}
		if want := s.cids[0]; !slices.Equal(slices.Sorted(maps.Keys(s.widths)), want) {
			t.Errorf("file %d: widths for %d CIDs, want the %d it prints", tt.file, len(s.widths), len(want))
		}
		// Another reader takes the cut font and finds the outline there.
		raw, err := inflate(d.objs[s.fontFile].stream)
		if err != nil {
			t.Fatal(err)
		}
		font, err := sfnt.Parse(raw)
		if err != nil {
			t.Fatalf("file %d: sfnt cannot read the font: %v", tt.file, err)
		}
		var buf sfnt.Buffer
		segs, err := font.LoadGlyph(&buf, sfnt.GlyphIndex(s.gid[tt.has]), fixed.I(100), nil)
		if err != nil || len(segs) == 0 {
			t.Errorf("file %d: sfnt finds %d segments for %q, %v", tt.file, len(segs), tt.has, err)
		}
	}
}

func TestWidths(t *testing.T) {
	w, err := parseWidths([]byte("[32 [250 333] 40 42 500 20320 [1000]]"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]int{32: 250, 33: 333, 40: 500, 41: 500, 42: 500, 20320: 1000}
	if !maps.Equal(w, want) {
		t.Errorf("parseWidths = %v, want %v", w, want)
	}
	if got, want := formatWidths([]int{32, 33, 40, 20320}, w), "[32 [250 333] 40 [500] 20320 [1000] ]"; got != want {
		t.Errorf("formatWidths = %q, want %q", got, want)
	}
	for _, bad := range []string{"32 [250]", "[32 [250]", "[32 33]", "[/A]", "[5 3 100]"} {
		if _, err := parseWidths([]byte(bad)); err == nil {
			t.Errorf("parseWidths(%q) took it", bad)
		}
	}
}

func TestContentCIDs(t *testing.T) {
	// gofpdf escapes \ ( ) and CR in the UTF-16 bytes of the text: U+5C28,
	// U+0D29 and U+285C hold such bytes.
	content := []byte("BT 1 2 Td (\x00A\\\\\\(\x00B) Tj ET\nBT 3 4 Td (\\r\\)\\(\\\\\x00A) Tj ET\n1 0 0 RG\n")
	got, err := contentCIDs(content)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0x41, 0x42, 0x0D29, 0x285C, 0x5C28}; !slices.Equal(got, want) {
		t.Errorf("contentCIDs = %X, want %X", got, want)
	}
	if _, err := contentCIDs([]byte("(\x00A\x00) Tj")); err == nil {
		t.Error("an odd number of bytes in a string was taken")
	}
}

func TestLiteral(t *testing.T) {
	if got, want := literal(`a(b)\c`, false), `(a\(b\)\\c)`; got != want {
		t.Errorf("literal = %q, want %q", got, want)
	}
	if got, want := literal("证(", true), "(\xFE\xFF\x8b\xc1\x00\\()"; got != want {
		t.Errorf("literal utf8 = %q, want %q", got, want)
	}
}

func FuzzParsePDF(f *testing.F) {
	r := newRenderer(f)
	var buf bytes.Buffer
	if err := r.render(&buf, "P", r.mustSubset(f, "x"), func(f *doc) error {
		f.AddPage()
		f.Text(10, 10, "x")
		return nil
	}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R /Info 1 0 R>>\nstartxref\n59\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := parsePDF(b)
		if err != nil {
			return
		}
		for _, o := range d.objs {
			_, _ = dictEntries(o.dict)
			_, _ = refs(o.dict, func(n int) int { return n })
			_, _ = contentCIDs(o.stream)
		}
	})
}
