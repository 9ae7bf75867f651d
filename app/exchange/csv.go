package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var (
	utf8BOM    = []byte("\xEF\xBB\xBF")
	utf16LEBOM = []byte("\xFF\xFE")
	utf16BEBOM = []byte("\xFE\xFF")
)

func readCSV(data []byte, b *builder) error {
	text, err := decodeText(data)
	if err != nil {
		return err
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delimiter(text)
	r.FieldsPerRecord = -1
	// Hand-made files have stray quotes inside cells, such as 王"小"明.
	r.LazyQuotes = true
	// csv skips blank lines, but the spreadsheet counts them as rows: track
	// lines to keep row numbers those of the spreadsheet, and count a cell
	// spanning lines as one row.
	row, line, offset := 0, 1, int64(0)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return unreadable(err)
		}
		start, _ := r.FieldPos(0)
		row += 1 + start - line
		end := r.InputOffset()
		line += strings.Count(text[offset:end], "\n")
		offset = end
		if err := b.add(row, rec); err != nil {
			return err
		}
	}
}

// decodeText returns the file as UTF-8. Excel and WPS on Chinese Windows
// save "CSV" in GBK and "Unicode text" in UTF-16, so the encoding is found
// from the bytes: a BOM, else valid UTF-8, else GB18030 (a superset of GBK).
func decodeText(data []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		text = string(data[len(utf8BOM):])
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		// With ExpectBOM the BOM decides the byte order.
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", unreadable(err)
		}
		text = string(out)
	case utf8.Valid(data):
		text = string(data)
	default:
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", unreadable(err)
		}
		text = string(out)
		if strings.ContainsRune(text, utf8.RuneError) {
			return "", unreadable(errors.New("neither UTF-8 nor GBK text"))
		}
	}
	if strings.ContainsRune(text, 0) {
		return "", unreadable(errors.New("binary data, not text"))
	}
	return text, nil
}

// delimiter is a tab or semicolon when the header line has more of them
// than commas (Excel's tab-separated "Unicode text", European CSV), else a
// comma.
func delimiter(text string) rune {
	header := strings.TrimLeft(text, "\r\n")
	if i := strings.IndexByte(header, '\n'); i >= 0 {
		header = header[:i]
	}
	best, most := ',', strings.Count(header, ",")
	for _, d := range []rune{'\t', ';'} {
		if n := strings.Count(header, string(d)); n > most {
			best, most = d, n
		}
	}
	return best
}
