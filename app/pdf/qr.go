package pdf

import (
	"encoding/hex"
	"fmt"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// quietZone is the white margin a QR code needs around it, in modules.
const quietZone = 4

// encodeQR encodes payload in the smallest version that holds it at
// level L, with the mask that scores best; a higher level when it fits in
// the same version (boostEcl). A typical signed payload (250 to 280
// characters) is version 11 at level L, 61 modules, where level M needs
// version 12, 65: on paper the larger modules read better from a blurred
// scan or photo than a stronger correction helps, and the code is 15%
// fewer bytes of the page.
func encodeQR(payload string) (*goqr.QrCode, error) {
	segs, err := goqr.MakeSegments(payload)
	var code *goqr.QrCode
	if err == nil {
		// Mask 0 first, to score the masks on (qrmask.go).
		code, err = goqr.EncodeSegments(segs, goqr.Low, goqr.MinVersion, goqr.MaxVersion, 0, true)
	}
	if err == nil {
		mask := -1 // go-qr chooses
		if code.Size() <= 64 {
			mask = bestMask(code)
		}
		if mask != 0 {
			code, err = goqr.EncodeSegments(segs, goqr.Low, goqr.MinVersion, goqr.MaxVersion, mask, true)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("pdf: QR code for %q: %w", payload, err)
	}
	return code, nil
}

// codeOf is c's QR code, nil when it has none.
func codeOf(c Certificate) (*goqr.QrCode, error) {
	if c.QR == "" {
		return nil, nil
	}
	return encodeQR(c.QR)
}

// qrImage is the content-stream operators that draw code with its top-left
// module at (x, y) points from the bottom-left of the page, module points
// a module: an inline image mask of one bit a module, scaled without
// smoothing, so it prints with sharp edges like vector squares. A
// certificate's code (a 230-character signed payload, 61×61 modules) as
// one rectangle per run of dark modules takes 2.5 KB compressed, as one
// dashed stroke a row 1.2 KB; as this mask 0.5 KB.
func qrImage(code *goqr.QrCode, x, y, module float64) string {
	n := code.Size()
	rowBytes := (n + 7) / 8
	data := make([]byte, 0, n*rowBytes)
	for row := range n {
		for col := 0; col < n; col += 8 {
			var b byte
			for k := range min(8, n-col) {
				if code.Module(col+k, row) {
					b |= 0x80 >> k
				}
			}
			data = append(data, b)
		}
	}
	size := float64(n) * module
	var s strings.Builder
	// A mask paints its 1 bits (Decode [1 0]) in the fill colour, black.
	fmt.Fprintf(&s, "q 0 g %.3f 0 0 %.3f %.3f %.3f cm\nBI /IM true /W %d /H %d /BPC 1 /D [1 0] /F /AHx /I false ID\n", size, size, x, y-size, n, n)
	s.WriteString(hex.EncodeToString(data))
	s.WriteString(">\nEI Q\n")
	return s.String()
}
