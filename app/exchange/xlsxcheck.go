package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"acedesk/app"
)

// excelize reads a sheet's XML through a decoder whose errors it drops: a
// raw control character, a sheet cut short or an entry whose zip size
// lies all end its rows early, as if the sheet ended there, and rows
// vanish without a word. So the parts it reads are checked first, as a
// stream, with encoding/xml's own strict decoder: a part that is not well
// formed refuses the whole file, naming the row where it broke. The same
// pass refuses DOCTYPE declarations (no workbook Excel or WPS writes has
// one; entities are how XXE and billion-laughs files work) and holds the
// file to limits a real sheet never reaches, before anything is kept in
// memory: a cell of MaxCellChars characters, MaxRowCells cells in a row,
// MaxSharedStrings distinct texts.
const (
	MaxCellChars     = app.MaxCellChars
	MaxRowCells      = app.MaxRowCells
	MaxSharedStrings = app.MaxSharedStrings
	// maxTextRun bounds the bytes between two tags: a cell at the limit,
	// each character escaped, fits.
	maxTextRun = MaxCellChars * 8
)

// checkWorkbook checks the first sheet and the shared strings of the XLSX
// in z, as excelize would read them.
func checkWorkbook(z *zip.Reader) error {
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		parts[f.Name] = f
	}
	if f := parts["xl/sharedStrings.xml"]; f != nil {
		if err := checkPart(f, sharedStringsRule()); err != nil {
			return err
		}
	}
	sheet, err := firstSheet(parts)
	if err != nil || sheet == nil {
		// excelize says what is wrong with a workbook without sheets.
		return err
	}
	return checkPart(sheet, &sheetRule{})
}

// firstSheet is the part of the workbook's first sheet, nil when the
// workbook does not say (excelize then refuses it).
func firstSheet(parts map[string]*zip.File) (*zip.File, error) {
	var wb struct {
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for name, v := range map[string]any{"xl/workbook.xml": &wb, "xl/_rels/workbook.xml.rels": &rels} {
		f := parts[name]
		if f == nil {
			return nil, nil
		}
		if err := checkPart(f, nil); err != nil {
			return nil, err
		}
		if err := decodePart(f, v); err != nil {
			return nil, err
		}
	}
	if len(wb.Sheets) == 0 {
		return nil, nil
	}
	for _, r := range rels.Rels {
		if r.ID != wb.Sheets[0].ID {
			continue
		}
		target := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(target, "xl/") {
			target = path.Join("xl", target)
		}
		return parts[target], nil
	}
	return nil, nil
}

func decodePart(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return damaged(f.Name, err)
	}
	defer rc.Close()
	if err := xml.NewDecoder(io.LimitReader(rc, 1<<20)).Decode(v); err != nil {
		return damaged(f.Name, err)
	}
	return nil
}

// partRule follows the elements of one part as they are read.
type partRule interface {
	// start is called for each element; its error refuses the file.
	start(e xml.StartElement) error
	// text is called for each text run.
	text(t xml.CharData) error
	// broken is the error for a part that stops being XML.
	broken(part string, err error) error
}

// checkPart reads a part through the strict decoder with rule (none for
// parts that are only checked to be XML without DOCTYPE).
func checkPart(f *zip.File, rule partRule) error {
	if rule == nil {
		rule = &plainRule{}
	}
	rc, err := f.Open()
	if err != nil {
		return rule.broken(f.Name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(&textRuns{r: rc})
	for {
		// Token, unlike RawToken, checks that every element is closed: a
		// part cut between two rows is an error, not an end. It expands
		// no entity but the five XML predefines.
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var long errLongText
			if errors.As(err, &long) {
				return beyondLimit(0)
			}
			return rule.broken(f.Name, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return damaged(f.Name, errors.New("a DOCTYPE or ENTITY declaration, which no spreadsheet needs"))
		case xml.StartElement:
			err = rule.start(t)
		case xml.CharData:
			err = rule.text(t)
		}
		if err != nil {
			return err
		}
	}
}

type plainRule struct{}

func (plainRule) start(xml.StartElement) error        { return nil }
func (plainRule) text(xml.CharData) error             { return nil }
func (plainRule) broken(part string, err error) error { return damaged(part, err) }

// sheetRule follows a sheet's rows to name the one where the XML broke,
// and counts the cells of each.
type sheetRule struct {
	row   int
	cells int
}

func (s *sheetRule) start(e xml.StartElement) error {
	switch e.Name.Local {
	case "row":
		s.row++
		for _, a := range e.Attr {
			if a.Name.Local == "r" {
				if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
					s.row = n
				}
			}
		}
		s.cells = 0
	case "c":
		if s.cells++; s.cells > MaxRowCells {
			return beyondLimit(s.row)
		}
	}
	return nil
}

func (s *sheetRule) text(t xml.CharData) error {
	if utf8.RuneCount(t) > MaxCellChars {
		return beyondLimit(s.row)
	}
	return nil
}

func (s *sheetRule) broken(_ string, err error) error {
	return &app.TableError{Problem: app.TableBroken, Row: max(s.row, 1), Err: err}
}

// stringsRule counts the shared strings.
type stringsRule struct{ count int }

func sharedStringsRule() *stringsRule { return &stringsRule{} }

func (s *stringsRule) start(e xml.StartElement) error {
	if e.Name.Local == "si" {
		if s.count++; s.count > MaxSharedStrings {
			return beyondLimit(0)
		}
	}
	return nil
}

func (s *stringsRule) text(t xml.CharData) error {
	if utf8.RuneCount(t) > MaxCellChars {
		return beyondLimit(0)
	}
	return nil
}

func (s *stringsRule) broken(part string, err error) error { return damaged(part, err) }

func damaged(part string, err error) error {
	return &app.TableError{Problem: app.TableUnreadable, Err: errors.New(part + ": " + err.Error())}
}

func beyondLimit(row int) error {
	return &app.TableError{Problem: app.TableBeyondLimit, Row: row}
}

// textRuns passes a part through, failing once more than maxTextRun bytes
// come without a '<': the decoder would gather such a run whole before
// handing it over, so a single cell could fill memory.
type textRuns struct {
	r   io.Reader
	run int
}

type errLongText struct{}

func (errLongText) Error() string { return "a text longer than a cell may be" }

func (t *textRuns) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	for _, chunk := range bytes.SplitAfter(p[:n], []byte("<")) {
		if len(chunk) > 0 && chunk[len(chunk)-1] == '<' {
			t.run = 0
			continue
		}
		if t.run += len(chunk); t.run > maxTextRun {
			return 0, errLongText{}
		}
	}
	return n, err
}
