package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// A small reader and writer for the documents gofpdf writes: numbered
// objects "n 0 obj … endobj", streams with a direct /Length, one xref table
// and a trailer. gofpdf draws the pages; this code compresses their streams
// on all cores, joins documents drawn in parallel into one and cuts a
// document into one-page files (see assemble.go).

var errPDFSyntax = errors.New("pdf: unexpected syntax in a drawn document")

type tokKind int

const (
	tokEOF tokKind = iota
	tokDelim
	tokName
	tokNumber
	tokString
	tokHex
	tokKeyword
)

// token is b[start:end] of the bytes it was read from.
type token struct {
	kind       tokKind
	start, end int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// lex reads the token at or after b[i].
func lex(b []byte, i int) (token, error) {
	for i < len(b) {
		if isSpace(b[i]) {
			i++
			continue
		}
		if b[i] == '%' {
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
			continue
		}
		break
	}
	if i >= len(b) {
		return token{kind: tokEOF, start: i, end: i}, nil
	}
	start := i
	switch c := b[i]; c {
	case '(':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return token{tokString, start, i + 1}, nil
				}
			}
		}
		return token{}, errPDFSyntax
	case '<':
		if i+1 < len(b) && b[i+1] == '<' {
			return token{tokDelim, start, i + 2}, nil
		}
		end := bytes.IndexByte(b[i:], '>')
		if end < 0 {
			return token{}, errPDFSyntax
		}
		return token{tokHex, start, i + end + 1}, nil
	case '>':
		if i+1 < len(b) && b[i+1] == '>' {
			return token{tokDelim, start, i + 2}, nil
		}
		return token{}, errPDFSyntax
	case '[', ']', '{', '}':
		return token{tokDelim, start, i + 1}, nil
	case ')':
		return token{}, errPDFSyntax
	case '/':
		i++
		for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
			i++
		}
		return token{tokName, start, i}, nil
	}
	for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
		i++
	}
	kind := tokKeyword
	if isNumber(b[start:i]) {
		kind = tokNumber
	}
	return token{kind, start, i}, nil
}

// isNumber reports whether w is a PDF number: a sign, digits and at most
// one point.
func isNumber(w []byte) bool {
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	digits, points := 0, 0
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// skipValue returns the end of the value starting at b[i]: a dictionary or
// array with all it holds, an indirect reference "n g R", or one token.
func skipValue(b []byte, i int) (int, error) {
	t, err := lex(b, i)
	if err != nil {
		return 0, err
	}
	switch {
	case t.kind == tokEOF:
		return 0, errPDFSyntax
	case t.kind == tokDelim && (string(b[t.start:t.end]) == "<<" || b[t.start] == '['):
		closer := "]"
		if b[t.start] == '<' {
			closer = ">>"
		}
		i = t.end
		for {
			n, err := lex(b, i)
			if err != nil {
				return 0, err
			}
			if n.kind == tokDelim && string(b[n.start:n.end]) == closer {
				return n.end, nil
			}
			if i, err = skipValue(b, i); err != nil {
				return 0, err
			}
		}
	case t.kind == tokDelim:
		return 0, errPDFSyntax
	case t.kind == tokNumber:
		// A reference is two numbers and R.
		g, err := lex(b, t.end)
		if err != nil || g.kind != tokNumber {
			return t.end, nil
		}
		r, err := lex(b, g.end)
		if err == nil && r.kind == tokKeyword && string(b[r.start:r.end]) == "R" {
			return r.end, nil
		}
	}
	return t.end, nil
}

// dictEntry is one key of a dictionary; the key spans b[start:valStart]
// and the value b[valStart:end] (leading space included).
type dictEntry struct {
	key                  string
	start, valStart, end int
}

// dictEntries lists the entries of the dictionary that b holds.
func dictEntries(b []byte) ([]dictEntry, error) {
	t, err := lex(b, 0)
	if err != nil {
		return nil, err
	}
	if t.kind != tokDelim || string(b[t.start:t.end]) != "<<" {
		return nil, errPDFSyntax
	}
	var out []dictEntry
	for i := t.end; ; {
		k, err := lex(b, i)
		if err != nil {
			return nil, err
		}
		if k.kind == tokDelim && string(b[k.start:k.end]) == ">>" {
			return out, nil
		}
		if k.kind != tokName {
			return nil, errPDFSyntax
		}
		end, err := skipValue(b, k.end)
		if err != nil {
			return nil, err
		}
		out = append(out, dictEntry{string(b[k.start+1 : k.end]), k.start, k.end, end})
		i = end
	}
}

// dictValue returns the value of key in dictionary b, trimmed; nil if b
// has no such key.
func dictValue(b []byte, key string) ([]byte, error) {
	es, err := dictEntries(b)
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if e.key == key {
			return bytes.TrimSpace(b[e.valStart:e.end]), nil
		}
	}
	return nil, nil
}

// dictSet returns a copy of dictionary b with key set to value (raw PDF),
// added at the end when b lacks it; an empty value removes the key.
func dictSet(b []byte, key, value string) ([]byte, error) {
	es, err := dictEntries(b)
	if err != nil {
		return nil, err
	}
	entry := ""
	if value != "" {
		entry = "/" + key + " " + value
	}
	for _, e := range es {
		if e.key == key {
			return concat(b[:e.start], []byte(entry), b[e.end:]), nil
		}
	}
	end := bytes.LastIndex(b, []byte(">>"))
	return concat(b[:end], []byte(entry), b[end:]), nil
}

func concat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// eachToken calls fn with every token of b in order, until fn returns an
// error. The data of an inline image (from ID to EI) is skipped: it is
// not made of tokens.
func eachToken(b []byte, fn func(t token) error) error {
	for i := 0; ; {
		t, err := lex(b, i)
		if err != nil {
			return err
		}
		if t.kind == tokEOF {
			return nil
		}
		if err := fn(t); err != nil {
			return err
		}
		i = t.end
		if t.kind == tokKeyword && string(b[t.start:t.end]) == "ID" {
			ei := bytes.Index(b[i:], []byte("EI"))
			if ei < 0 {
				return errPDFSyntax
			}
			i += ei
		}
	}
}

// refs calls fn with every object number that b refers to ("n 0 R"), in
// order, and returns b with each number replaced by fn's answer.
func refs(b []byte, fn func(n int) int) ([]byte, error) {
	var out []byte
	last := 0
	var prev [2]token
	err := eachToken(b, func(t token) error {
		if t.kind == tokKeyword && string(b[t.start:t.end]) == "R" && prev[0].kind == tokNumber && prev[1].kind == tokNumber {
			n, err := strconv.Atoi(string(b[prev[0].start:prev[0].end]))
			if err != nil {
				return errPDFSyntax
			}
			out = append(out, b[last:prev[0].start]...)
			out = strconv.AppendInt(out, int64(fn(n)), 10)
			last = prev[0].end
		}
		prev[0], prev[1] = prev[1], t
		return nil
	})
	if err != nil {
		return nil, err
	}
	return append(out, b[last:]...), nil
}

// refNum reads an indirect reference "n 0 R".
func refNum(v []byte) (int, error) {
	f := bytes.Fields(v)
	if len(f) != 3 || string(f[2]) != "R" {
		return 0, fmt.Errorf("pdf: %q is not a reference", v)
	}
	return strconv.Atoi(string(f[0]))
}

// pdfObject is one numbered object: its value (a dictionary for a stream)
// and its stream, nil when it has none.
type pdfObject struct {
	dict   []byte
	stream []byte
}

// pdfDoc is a parsed document: objs[n] is object n (objs[0] is unused).
type pdfDoc struct {
	header     []byte // the first line, e.g. "%PDF-1.3"
	objs       []pdfObject
	root, info int
}

// parsePDF reads a document gofpdf wrote, following its xref table.
func parsePDF(b []byte) (*pdfDoc, error) {
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 || !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, errPDFSyntax
	}
	d := &pdfDoc{header: b[:nl]}
	sx := bytes.LastIndex(b, []byte("startxref"))
	if sx < 0 {
		return nil, errPDFSyntax
	}
	t, err := lex(b, sx+len("startxref"))
	if err != nil || t.kind != tokNumber {
		return nil, errPDFSyntax
	}
	xref, err := strconv.Atoi(string(b[t.start:t.end]))
	if err != nil || xref < 0 || xref >= sx {
		return nil, errPDFSyntax
	}
	// "xref", "0 N", then N lines "offset generation n|f".
	words := bytes.Fields(b[xref:sx])
	if len(words) < 3 || string(words[0]) != "xref" || string(words[1]) != "0" {
		return nil, errPDFSyntax
	}
	count, err := strconv.Atoi(string(words[2]))
	if err != nil || count < 1 || count > len(b) || len(words) < 3+3*count+1 {
		return nil, errPDFSyntax
	}
	d.objs = make([]pdfObject, count)
	for n := 1; n < count; n++ {
		w := words[3+3*n:]
		if string(w[2]) != "n" {
			return nil, errPDFSyntax
		}
		off, err := strconv.Atoi(string(w[0]))
		if err != nil || off < 0 || off >= xref {
			return nil, errPDFSyntax
		}
		if d.objs[n], err = parseObject(b[:xref], off, n); err != nil {
			return nil, fmt.Errorf("pdf: object %d: %w", n, err)
		}
	}
	tr := bytes.LastIndex(b[:sx], []byte("trailer"))
	if tr < xref {
		return nil, errPDFSyntax
	}
	trailer := bytes.TrimSpace(b[tr+len("trailer") : sx])
	for key, dst := range map[string]*int{"Root": &d.root, "Info": &d.info} {
		v, err := dictValue(trailer, key)
		if err != nil {
			return nil, err
		}
		if *dst, err = refNum(v); err != nil || *dst <= 0 || *dst >= count {
			return nil, errPDFSyntax
		}
	}
	return d, nil
}

func parseObject(b []byte, off, n int) (pdfObject, error) {
	var head [3]token
	i := off
	for k := range head {
		t, err := lex(b, i)
		if err != nil {
			return pdfObject{}, err
		}
		head[k], i = t, t.end
	}
	if string(b[head[0].start:head[0].end]) != strconv.Itoa(n) || string(b[head[2].start:head[2].end]) != "obj" {
		return pdfObject{}, errPDFSyntax
	}
	end, err := skipValue(b, i)
	if err != nil {
		return pdfObject{}, err
	}
	obj := pdfObject{dict: bytes.TrimSpace(b[i:end])}
	kw, err := lex(b, end)
	if err != nil || kw.kind != tokKeyword {
		return pdfObject{}, errPDFSyntax
	}
	switch string(b[kw.start:kw.end]) {
	case "endobj":
		return obj, nil
	case "stream":
	default:
		return pdfObject{}, errPDFSyntax
	}
	v, err := dictValue(obj.dict, "Length")
	if err != nil {
		return pdfObject{}, err
	}
	length, err := strconv.Atoi(string(v))
	if err != nil || length < 0 {
		return pdfObject{}, errPDFSyntax
	}
	p := kw.end
	if bytes.HasPrefix(b[p:], []byte("\r\n")) {
		p += 2
	} else if bytes.HasPrefix(b[p:], []byte("\n")) {
		p++
	} else {
		return pdfObject{}, errPDFSyntax
	}
	if length > len(b)-p {
		return pdfObject{}, errPDFSyntax
	}
	obj.stream = b[p : p+length : p+length]
	rest := bytes.TrimLeft(b[p+length:], " \r\n")
	if !bytes.HasPrefix(rest, []byte("endstream")) {
		return pdfObject{}, errPDFSyntax
	}
	if !bytes.HasPrefix(bytes.TrimLeft(rest[len("endstream"):], " \r\n"), []byte("endobj")) {
		return pdfObject{}, errPDFSyntax
	}
	return obj, nil
}

// pdfWriter writes objects and then the xref table and trailer that find
// them.
type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int // offsets[n] of object n
}

func newPDFWriter(header []byte, size int) *pdfWriter {
	w := &pdfWriter{}
	w.buf.Grow(size)
	w.buf.Write(header)
	w.buf.WriteByte('\n')
	return w
}

// object writes object n; stream nil means none.
func (w *pdfWriter) object(n int, dict, stream []byte) {
	for len(w.offsets) <= n {
		w.offsets = append(w.offsets, -1)
	}
	w.offsets[n] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(n))
	w.buf.WriteString(" 0 obj\n")
	w.buf.Write(dict)
	if stream != nil {
		w.buf.WriteString("\nstream\n")
		w.buf.Write(stream)
		w.buf.WriteString("\nendstream")
	}
	w.buf.WriteString("\nendobj\n")
}

// finish writes the xref table and trailer and returns the document. Every
// number from 1 to the highest must have been written.
func (w *pdfWriter) finish(root, info int) ([]byte, error) {
	xref := w.buf.Len()
	size := max(len(w.offsets), 1)
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if w.offsets[n] < 0 {
			return nil, fmt.Errorf("pdf: object %d was not written", n)
		}
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", w.offsets[n])
	}
	fmt.Fprintf(&w.buf, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", size, root, info, xref)
	return w.buf.Bytes(), nil
}
