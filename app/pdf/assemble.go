package pdf

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// drawn is a document gofpdf drew without compression, read back.
type drawn struct {
	*pdfDoc
	pagesRoot int
	pages     []int // the page objects, in order
	// dropped are the page objects made into forms (makeForms), which no
	// page refers to.
	dropped map[int]bool
}

// pageStart marks where what a page draws starts in its content, after
// the state gofpdf sets up on every page.
const pageStart = "%ACE\n"

// formName names form k of a document in its resources; a page draws it
// with "/<formName k> Do".
func formName(k int) string { return "X" + strconv.Itoa(k) }

// makeForms turns pages into form XObjects that every page may draw, so
// what pages share is drawn once per document: forms maps a page's number
// (from 1) to the form's name. The pages of drop go too. The pages share
// one resource dictionary (gofpdf writes one), which gets the forms, which
// the forms use too, and fontAlias for the font.
func (d *drawn) makeForms(forms map[int]string, drop []int) error {
	if len(forms)+len(drop) == 0 {
		return nil
	}
	v, err := dictValue(d.objs[d.pages[0]].dict, "Resources")
	if err != nil {
		return err
	}
	res, err := d.ref(v)
	if err != nil {
		return err
	}
	box, err := dictValue(d.objs[d.pagesRoot].dict, "MediaBox")
	if err != nil || box == nil {
		return errPDFSyntax
	}
	d.dropped = map[int]bool{}
	// pageAt is page number n (from 1) and its content stream.
	pageAt := func(n int) (p, c int, err error) {
		if n < 1 || n > len(d.pages) {
			return 0, 0, errPDFSyntax
		}
		p = d.pages[n-1]
		c, err = d.contents(p)
		return p, c, err
	}
	for _, n := range drop {
		p, c, err := pageAt(n)
		if err != nil {
			return err
		}
		d.dropped[p], d.dropped[c] = true, true
	}
	// A page with transparent images is a transparency group in gofpdf;
	// here the images are in the forms, which are the groups.
	group, err := dictValue(d.objs[d.pages[0]].dict, "Group")
	if err != nil {
		return err
	}
	groupEntry := ""
	if group != nil {
		groupEntry = " /Group " + string(group)
	}
	var entries []string
	for _, n := range slices.Sorted(maps.Keys(forms)) {
		p, c, err := pageAt(n)
		if err != nil {
			return err
		}
		d.objs[c].dict = fmt.Appendf(nil, "<</Type /XObject /Subtype /Form /BBox %s /Resources %d 0 R%s /Length %d>>", box, res, groupEntry, len(d.objs[c].stream))
		d.dropped[p] = true
		entries = append(entries, fmt.Sprintf("/%s %d 0 R", forms[n], c))
	}
	d.pages = slices.DeleteFunc(d.pages, func(p int) bool { return d.dropped[p] })
	// The pages that are left draw what gofpdf set up at their start
	// themselves: their content starts at pageStart, and their
	// dictionaries say no more than a page must.
	for _, p := range d.pages {
		c, err := d.contents(p)
		if err != nil {
			return err
		}
		if i := bytes.Index(d.objs[c].stream, []byte(pageStart)); i >= 0 {
			d.objs[c].stream = d.objs[c].stream[i+len(pageStart):]
			if d.objs[c].dict, err = dictSet(d.objs[c].dict, "Length", strconv.Itoa(len(d.objs[c].stream))); err != nil {
				return err
			}
		}
		d.objs[p].dict = fmt.Appendf(nil, "<</Type /Page /Parent %d 0 R /Resources %d 0 R /Contents %d 0 R>>", d.pagesRoot, res, c)
	}
	add := func(key, entries string) error {
		old, err := dictValue(d.objs[res].dict, key)
		if err != nil {
			return err
		}
		list := "<<" + entries + ">>"
		if old != nil {
			list = strings.TrimSuffix(string(old), ">>") + " " + entries + ">>"
		}
		d.objs[res].dict, err = dictSet(d.objs[res].dict, key, list)
		return err
	}
	if len(entries) > 0 {
		if err := add("XObject", strings.Join(entries, " ")); err != nil {
			return err
		}
	}
	fonts, err := dictValue(d.objs[res].dict, "Font")
	if err != nil {
		return err
	}
	var font []byte
	if err := eachToken(fonts, func(t token) error {
		if t.kind == tokNumber && font == nil {
			font = fonts[t.start:t.end]
		}
		return nil
	}); err != nil || font == nil {
		return errPDFSyntax
	}
	return add("Font", fmt.Sprintf("/%s %s 0 R", fontAlias, font))
}

// contents is the content stream of page p.
func (d *drawn) contents(p int) (int, error) {
	v, err := dictValue(d.objs[p].dict, "Contents")
	if err != nil {
		return 0, err
	}
	return d.ref(v)
}

// setToUnicode replaces the stream of the font's ToUnicode map by cmap.
func (d *drawn) setToUnicode(cmap []byte) error {
	for n := 1; n < len(d.objs); n++ {
		sub, err := dictValue(d.objs[n].dict, "Subtype")
		if err != nil || string(sub) != "/Type0" {
			continue
		}
		v, err := dictValue(d.objs[n].dict, "ToUnicode")
		if err != nil {
			return err
		}
		m, err := d.ref(v)
		if err != nil {
			return err
		}
		if d.objs[m].dict, err = dictSet(d.objs[m].dict, "Length", strconv.Itoa(len(cmap))); err != nil {
			return err
		}
		d.objs[m].stream = cmap
	}
	return nil
}

func readDrawn(b []byte) (*drawn, error) {
	doc, err := parsePDF(b)
	if err != nil {
		return nil, err
	}
	d := &drawn{pdfDoc: doc}
	v, err := dictValue(doc.objs[doc.root].dict, "Pages")
	if err != nil {
		return nil, err
	}
	if d.pagesRoot, err = d.ref(v); err != nil {
		return nil, err
	}
	kids, err := dictValue(doc.objs[d.pagesRoot].dict, "Kids")
	if err != nil {
		return nil, err
	}
	_, err = refs(kids, func(n int) int {
		d.pages = append(d.pages, n)
		return n
	})
	return d, err
}

// ref reads a reference to an object d holds.
func (d *drawn) ref(v []byte) (int, error) {
	n, err := refNum(v)
	if err != nil || n <= 0 || n >= len(d.objs) {
		return 0, errPDFSyntax
	}
	return n, nil
}

// literal is s as a PDF string the way gofpdf writes it: UTF-16 with a
// byte order mark when utf8 (for text beyond ASCII), escaped.
func literal(s string, utf8 bool) string {
	if utf8 {
		u := utf16.Encode([]rune(s))
		b := make([]byte, 2, 2+2*len(u))
		b[0], b[1] = 0xFE, 0xFF
		for _, c := range u {
			b = binary.BigEndian.AppendUint16(b, c)
		}
		s = string(b)
	}
	r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`)
	return "(" + r.Replace(s) + ")"
}

// infoDict returns d's document information with the title and keywords
// given; no keywords leaves the entry out, as gofpdf does.
func (d *drawn) infoDict(title, keywords string) ([]byte, error) {
	b, err := dictSet(d.objs[d.info].dict, "Title", literal(title, true))
	if err != nil {
		return nil, err
	}
	kw := ""
	if keywords != "" {
		kw = literal(keywords, false)
	}
	return dictSet(b, "Keywords", kw)
}

// treeAndCatalog returns d's page tree with kids as its pages, and d's
// catalog pointing at that tree as object 1.
func (d *drawn) treeAndCatalog(kids []string) (tree, catalog []byte, err error) {
	tree, err = dictSet(d.objs[d.pagesRoot].dict, "Kids", "["+strings.Join(kids, " ")+"]")
	if err == nil {
		tree, err = dictSet(tree, "Count", strconv.Itoa(len(kids)))
	}
	if err != nil {
		return nil, nil, err
	}
	num := make([]int, len(d.objs))
	num[d.pagesRoot] = 1
	catalog, err = renumber(d.objs[d.root].dict, num)
	return tree, catalog, err
}

// joinDrawn writes parts, drawn from consecutive runs of one batch, as one
// document with their pages in order and info as its document
// information. Each part keeps its own resources (its own font subset).
// The streams are compressed on all cores.
func joinDrawn(parts []*drawn, info []byte) ([]byte, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("pdf: nothing to join")
	}
	var objs []pdfObject
	objs = append(objs, pdfObject{}, pdfObject{}) // 0 unused; 1 the new page tree
	var kids []string
	for _, d := range parts {
		num := make([]int, len(d.objs))
		for n := 1; n < len(d.objs); n++ {
			switch {
			case n == d.pagesRoot:
				num[n] = 1
			case n == d.root, n == d.info, d.dropped[n]:
				// The joined document has its own; a page made a form is gone.
			default:
				num[n] = len(objs)
				objs = append(objs, d.objs[n])
			}
		}
		for n := 1; n < len(d.objs); n++ {
			if num[n] <= 1 {
				continue
			}
			dict, err := renumber(d.objs[n].dict, num)
			if err != nil {
				return nil, err
			}
			objs[num[n]].dict = dict
		}
		for _, p := range d.pages {
			kids = append(kids, strconv.Itoa(num[p])+" 0 R")
		}
	}
	tree, catalog, err := parts[0].treeAndCatalog(kids)
	if err != nil {
		return nil, err
	}
	objs[1] = pdfObject{dict: tree}
	objs = append(objs, pdfObject{dict: info}, pdfObject{dict: catalog})
	if err := compressAll(objs[1:]); err != nil {
		return nil, err
	}
	size := 0
	for _, o := range objs {
		size += len(o.dict) + len(o.stream) + 64
	}
	w := newPDFWriter(parts[0].header, size)
	for n := 1; n < len(objs); n++ {
		w.object(n, objs[n].dict, objs[n].stream)
	}
	return w.finish(len(objs)-1, len(objs)-2)
}

// renumber rewrites the references in b by num (old number → new); a
// reference to an object num leaves out is an error.
func renumber(b []byte, num []int) ([]byte, error) {
	bad := false
	out, err := refs(b, func(n int) int {
		if n <= 0 || n >= len(num) || num[n] == 0 {
			bad = true
			return n
		}
		return num[n]
	})
	if err == nil && bad {
		err = fmt.Errorf("pdf: a reference to an object left out")
	}
	return out, err
}

// splitter cuts one-page documents out of a drawn document. Each gets the
// page's objects and what they refer to, its own copy of the font with the
// outlines of only the glyphs on its page, and widths for only those.
type splitter struct {
	d        *drawn
	cidFont  int      // the CIDFontType2 dictionary
	fontFile int      // its FontFile2 stream
	gid      []uint16 // CID → glyph, from the CIDToGIDMap
	widths   map[int]int
	font     *ttfFont
	cids     [][]int // CIDs each page shows, read before compression
}

func newSplitter(d *drawn) (*splitter, error) {
	s := &splitter{d: d}
	for n := 1; n < len(d.objs); n++ {
		sub, err := dictValue(d.objs[n].dict, "Subtype")
		if err != nil || string(sub) != "/CIDFontType2" {
			continue
		}
		if s.cidFont != 0 {
			return nil, fmt.Errorf("pdf: a drawn document has more than one font")
		}
		s.cidFont = n
	}
	if s.cidFont == 0 {
		return nil, fmt.Errorf("pdf: a drawn document has no font")
	}
	cf := d.objs[s.cidFont].dict
	v, err := dictValue(cf, "CIDToGIDMap")
	if err != nil {
		return nil, err
	}
	mapObj, err := d.ref(v)
	if err != nil {
		return nil, err
	}
	raw, err := inflate(d.objs[mapObj].stream)
	if err != nil {
		return nil, err
	}
	s.gid = make([]uint16, len(raw)/2)
	for i := range s.gid {
		s.gid[i] = binary.BigEndian.Uint16(raw[2*i:])
	}
	if v, err = dictValue(cf, "FontDescriptor"); err != nil {
		return nil, err
	}
	desc, err := d.ref(v)
	if err != nil {
		return nil, err
	}
	if v, err = dictValue(d.objs[desc].dict, "FontFile2"); err != nil {
		return nil, err
	}
	if s.fontFile, err = d.ref(v); err != nil {
		return nil, err
	}
	if raw, err = inflate(d.objs[s.fontFile].stream); err != nil {
		return nil, err
	}
	if s.font, err = parseTTF(raw); err != nil {
		return nil, err
	}
	if v, err = dictValue(cf, "W"); err != nil {
		return nil, err
	}
	if s.widths, err = parseWidths(v); err != nil {
		return nil, err
	}
	for _, p := range d.pages {
		c, err := d.contents(p)
		if err != nil {
			return nil, err
		}
		content, err := streamData(d.objs[c])
		if err != nil {
			return nil, err
		}
		cids, err := contentCIDs(content)
		if err != nil {
			return nil, err
		}
		s.cids = append(s.cids, cids)
	}
	// A page shows the glyphs of the forms it draws too.
	var formCIDs []int
	for _, o := range d.objs {
		if sub, err := dictValue(o.dict, "Subtype"); err != nil || string(sub) != "/Form" {
			continue
		}
		content, err := streamData(o)
		if err != nil {
			return nil, err
		}
		cids, err := contentCIDs(content)
		if err != nil {
			return nil, err
		}
		formCIDs = append(formCIDs, cids...)
	}
	for i := range s.cids {
		s.cids[i] = slices.Compact(slices.Sorted(slices.Values(append(s.cids[i], formCIDs...))))
	}
	// What every page shares is compressed once.
	for n := range d.objs {
		if err := compressObject(&d.objs[n]); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// streamData returns o's stream decoded: as drawn, or inflated.
func streamData(o pdfObject) ([]byte, error) {
	f, err := dictValue(o.dict, "Filter")
	switch {
	case err != nil:
		return nil, err
	case f == nil:
		return o.stream, nil
	case string(f) == "/FlateDecode":
		return inflate(o.stream)
	}
	return nil, fmt.Errorf("pdf: unexpected filter %s", f)
}

// parseWidths reads a /W array: "c [w1 w2 …]" gives CIDs from c on their
// widths, "c1 c2 w" gives CIDs c1 to c2 one width.
func parseWidths(b []byte) (map[int]int, error) {
	b = bytes.TrimSpace(b)
	if len(b) < 2 || b[0] != '[' || b[len(b)-1] != ']' {
		return nil, errPDFSyntax
	}
	b = b[1 : len(b)-1]
	out := map[int]int{}
	var nums, run []int
	inRun := false
	err := eachToken(b, func(t token) error {
		w := string(b[t.start:t.end])
		switch {
		case t.kind == tokNumber:
			n, err := strconv.Atoi(w)
			if err != nil || n < 0 {
				return errPDFSyntax
			}
			if inRun {
				run = append(run, n)
				return nil
			}
			nums = append(nums, n)
			if len(nums) == 3 {
				if nums[1] < nums[0] || nums[1]-nums[0] > 0xFFFF {
					return errPDFSyntax
				}
				for c := nums[0]; c <= nums[1]; c++ {
					out[c] = nums[2]
				}
				nums = nums[:0]
			}
		case w == "[" && len(nums) == 1 && !inRun:
			inRun, run = true, run[:0]
		case w == "]" && inRun:
			for k, width := range run {
				out[nums[0]+k] = width
			}
			inRun, nums = false, nums[:0]
		default:
			return errPDFSyntax
		}
		return nil
	})
	if err == nil && (inRun || len(nums) != 0) {
		err = errPDFSyntax
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// formatWidths writes a /W array for the CIDs given, in ascending order.
func formatWidths(cids []int, widths map[int]int) string {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i < len(cids); {
		j := i + 1
		for j < len(cids) && cids[j] == cids[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d [", cids[i])
		for k := i; k < j; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(widths[cids[k]]))
		}
		b.WriteString("] ")
		i = j
	}
	b.WriteString("]")
	return b.String()
}

// contentCIDs returns the CIDs a page's content shows, ascending: every
// string in it, literal or hex, is text in the one font, two bytes a
// character.
func contentCIDs(content []byte) ([]int, error) {
	seen := map[int]bool{}
	err := eachToken(content, func(t token) error {
		var s []byte
		switch t.kind {
		case tokString:
			s = unescape(content[t.start+1 : t.end-1])
		case tokHex:
			var err error
			if s, err = hex.DecodeString(string(bytes.Join(bytes.Fields(content[t.start+1:t.end-1]), nil))); err != nil {
				return errPDFSyntax
			}
		default:
			return nil
		}
		if len(s)%2 != 0 {
			return errPDFSyntax
		}
		for k := 0; k < len(s); k += 2 {
			seen[int(binary.BigEndian.Uint16(s[k:]))] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]int, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	slices.Sort(out)
	return out, nil
}

// unescape decodes the inside of a literal string.
func unescape(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\n':
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		default:
			if c >= '0' && c <= '7' {
				v := int(c - '0')
				for k := 0; k < 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
					i++
					v = v*8 + int(s[i]-'0')
				}
				out = append(out, byte(v))
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// page writes page i as a document of its own.
func (s *splitter) page(i int, title, keywords string) ([]byte, error) {
	d := s.d
	// Objects are numbered 1 (the page tree), then the page and all it
	// refers to in the order found, then the information and the catalog.
	num := make([]int, len(d.objs))
	order := []int{d.pages[i]}
	num[d.pages[i]] = 2
	num[d.pagesRoot] = 1
	dicts := map[int][]byte{}
	for k := 0; k < len(order); k++ {
		n := order[k]
		dict := d.objs[n].dict
		if n == d.pages[i] {
			var err error
			if dict, err = dictSet(dict, "Parent", ""); err != nil {
				return nil, err
			}
		}
		var bad bool
		dict, err := refs(dict, func(m int) int {
			if m <= 0 || m >= len(num) {
				bad = true
				return m
			}
			if num[m] == 0 {
				num[m] = len(order) + 2
				order = append(order, m)
			}
			return num[m]
		})
		if err != nil {
			return nil, err
		}
		if bad {
			return nil, errPDFSyntax
		}
		dicts[n] = dict
	}
	size := 0
	objs := make([]pdfObject, len(order))
	for k, n := range order {
		o := pdfObject{dict: dicts[n], stream: d.objs[n].stream}
		switch n {
		case d.pages[i]:
			var err error
			if o.dict, err = dictSet(o.dict, "Parent", "1 0 R"); err != nil {
				return nil, err
			}
		case s.cidFont:
			var err error
			if o.dict, err = dictSet(o.dict, "W", formatWidths(s.cids[i], s.widths)); err != nil {
				return nil, err
			}
		case s.fontFile:
			glyphs := make([]int, 0, len(s.cids[i]))
			for _, c := range s.cids[i] {
				if c < len(s.gid) {
					glyphs = append(glyphs, int(s.gid[c]))
				}
			}
			font := s.font.hollow(glyphs)
			z := deflate(font)
			var err error
			o.dict, err = dictSet(o.dict, "Length", strconv.Itoa(len(z)))
			if err == nil {
				o.dict, err = dictSet(o.dict, "Length1", strconv.Itoa(len(font)))
			}
			if err != nil {
				return nil, err
			}
			o.stream = z
		}
		objs[k] = o
		size += len(o.dict) + len(o.stream) + 32
	}
	tree, catalog, err := d.treeAndCatalog([]string{"2 0 R"})
	if err != nil {
		return nil, err
	}
	info, err := d.infoDict(title, keywords)
	if err != nil {
		return nil, err
	}
	w := newPDFWriter(d.header, size+len(tree)+len(info)+len(catalog)+512)
	w.object(1, tree, nil)
	for k, o := range objs {
		w.object(k+2, o.dict, o.stream)
	}
	w.object(len(order)+2, info, nil)
	w.object(len(order)+3, catalog, nil)
	return w.finish(len(order)+3, len(order)+2)
}
