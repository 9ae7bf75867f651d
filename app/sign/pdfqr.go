package sign

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"image"
	"image/color"
	"io"
	"strconv"
)

// A certificate PDF ACE Desk writes draws its QR code as an inline image
// mask in the page's content stream: "BI /IM true /W n /H n /BPC 1 /D [1 0]
// /F /AHx /I false ID", one bit a module in hex, then "> EI" (see
// app/pdf). The metadata also carries the payload (see PDFMarker), but
// anyone can edit metadata without touching what is printed: so the
// printed codes are read first, drawn at a few pixels a module with a
// quiet zone and decoded as a photo is.

// maxStreamBytes bounds what one content stream may inflate to, and
// maxStreams how many are inflated: a certificate page is some tens of
// kilobytes.
const (
	maxStreamBytes = 8 << 20
	maxStreams     = 2000
)

// printedPayloads are the texts of the QR codes drawn in data's content
// streams, in order, without repeats.
func printedPayloads(data []byte) []string {
	var out []string
	seen := map[string]bool{}
	streams := 0
	for rest := data; streams < maxStreams; streams++ {
		i := bytes.Index(rest, []byte("stream"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream"):]
		rest = bytes.TrimLeft(rest, "\r\n")
		end := bytes.Index(rest, []byte("endstream"))
		if end < 0 {
			break
		}
		content, err := inflate(rest[:end])
		rest = rest[end+len("endstream"):]
		if err != nil {
			continue
		}
		for _, q := range drawnCodes(content) {
			texts, err := decodeImage(q)
			if err != nil {
				continue
			}
			for _, t := range texts {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
	}
	return out
}

func inflate(b []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, maxStreamBytes+1))
	if err != nil || len(out) > maxStreamBytes {
		return nil, io.ErrUnexpectedEOF
	}
	return out, nil
}

// maxModules bounds the side of a code read from a page: version 40 has
// 177 modules.
const maxModules = 177

// drawnCodes finds the QR codes a content stream draws: each inline
// image mask of one bit a pixel, square and small enough to be a code.
func drawnCodes(content []byte) []image.Image {
	var out []image.Image
	for rest := content; ; {
		i := bytes.Index(rest, []byte("BI "))
		if i < 0 {
			return out
		}
		rest = rest[i+len("BI "):]
		id := bytes.Index(rest, []byte(" ID"))
		if id < 0 {
			return out
		}
		dict := bytes.Fields(rest[:id])
		rest = bytes.TrimLeft(rest[id+len(" ID"):], " \r\n")
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return out
		}
		data := rest[:end]
		rest = rest[end+1:]
		if n, ok := codeMask(dict); ok {
			if img := rasterise(n, data); img != nil {
				out = append(out, img)
			}
		}
	}
}

// codeMask reads an inline image's dictionary: the side of a square mask
// of one bit a pixel in hex, painted where a bit is 1, as app/pdf writes
// a code.
func codeMask(dict [][]byte) (int, bool) {
	want := map[string]string{"/IM": "true", "/BPC": "1", "/F": "/AHx", "/D": "[1"}
	got := map[string]string{}
	for i := 0; i+1 < len(dict); i += 2 {
		got[string(dict[i])] = string(dict[i+1])
		if string(dict[i+1]) == "[1" && i+2 < len(dict) {
			i++ // "[1 0]" is two fields
		}
	}
	for k, v := range want {
		if got[k] != v {
			return 0, false
		}
	}
	w, err1 := strconv.Atoi(got["/W"])
	h, err2 := strconv.Atoi(got["/H"])
	if err1 != nil || err2 != nil || w != h || w < 21 || w > maxModules {
		return 0, false
	}
	return w, true
}

// pixelsPerModule is how finely a drawn code is rasterised, and
// quietModules the white border a reader needs around it.
const (
	pixelsPerModule = 4
	quietModules    = 4
)

// rasterise draws an n×n mask given in hex (rows padded to whole bytes)
// at pixelsPerModule a module inside a white quiet zone; nil when the data
// is not such a mask.
func rasterise(n int, hexData []byte) image.Image {
	bits, err := hex.DecodeString(string(bytes.Join(bytes.Fields(hexData), nil)))
	rowBytes := (n + 7) / 8
	if err != nil || len(bits) < n*rowBytes {
		return nil
	}
	side := (n + 2*quietModules) * pixelsPerModule
	img := image.NewGray(image.Rect(0, 0, side, side))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for row := range n {
		for col := range n {
			if bits[row*rowBytes+col/8]&(0x80>>(col%8)) == 0 {
				continue
			}
			x0, y0 := (col+quietModules)*pixelsPerModule, (row+quietModules)*pixelsPerModule
			for y := y0; y < y0+pixelsPerModule; y++ {
				for x := x0; x < x0+pixelsPerModule; x++ {
					img.SetGray(x, y, color.Gray{})
				}
			}
		}
	}
	return img
}
