package pdf

import (
	"fmt"

	"github.com/jung-kurt/gofpdf"
	goqr "github.com/piglig/go-qr"
)

// The lower band of a certificate: the QR code at the left, the signatures
// in the middle, issuer, date and seal at the right, the serial at the foot.
const (
	qrX, qrY, qrSize = 20.0, 150.0, 28.0
	sealX            = 243.0
	signLineY        = 174.0
)

func footer(f *gofpdf.Fpdf, c Certificate, st Style, code *goqr.QrCode) {
	if code != nil {
		drawQR(f, code, qrX, qrY, qrSize)
		textColor(f, grey)
		f.SetFontSize(7)
		centered(f, labelScanZH+" / "+labelScanEN, qrX+qrSize/2, qrY+qrSize+3)
		// The payload as text, white and tiny: invisible on paper, found by
		// text extraction (see payload.go).
		textColor(f, white)
		f.SetFontSize(1)
		f.Text(qrX+2, qrY+qrSize+5, payloadMarker+c.QR)
	}

	signatures(f, st.Signatories)

	textColor(f, ink)
	fit(f, st.IssuerZH, 11.5, 70)
	centered(f, st.IssuerZH, sealX, 160)
	textColor(f, grey)
	fit(f, st.IssuerEN, 8, 70)
	centered(f, st.IssuerEN, sealX, 165)
	textColor(f, ink)
	fit(f, c.DateZH, 11.5, 70)
	centered(f, c.DateZH, sealX, 173)
	textColor(f, grey)
	fit(f, c.DateEN, 8, 70)
	centered(f, c.DateEN, sealX, 178)
	if len(st.SealPNG) > 0 {
		// Drawn over the issuer and date, as a stamp is.
		if err := drawImage(f, "seal", st.SealPNG, sealX, 168, 36, 36); err != nil {
			f.SetError(err)
			return
		}
	} else {
		textColor(f, paleGrey)
		f.SetFontSize(9)
		centered(f, labelSealSpace, sealX, 153)
	}

	serial := fmt.Sprintf("%s %s · %s %s", labelSerialZH, c.Serial, labelSerialEN, c.Serial)
	if c.Reprint {
		serial += fmt.Sprintf("（%s / %s）", labelReprintZH, labelReprintEN)
	}
	textColor(f, grey)
	f.SetFontSize(8)
	centered(f, serial, centerX, 193.5)
}

// signatures sets up to three signatories side by side: the signature image
// above a line, then name and titles.
func signatures(f *gofpdf.Fpdf, sigs []Signatory) {
	const left, right, colW = 62.0, 205.0, 44.0
	step := (right - left) / float64(len(sigs))
	for i, s := range sigs {
		cx := left + step*(float64(i)+0.5)
		if len(s.SignaturePNG) > 0 {
			if err := drawImage(f, fmt.Sprintf("signature%d", i), s.SignaturePNG, cx, signLineY-7, colW, 12); err != nil {
				f.SetError(err)
				return
			}
		}
		drawColor(f, grey)
		f.SetLineWidth(0.25)
		f.Line(cx-colW/2, signLineY, cx+colW/2, signLineY)
		textColor(f, ink)
		fit(f, s.Name, 11, colW+4)
		centered(f, s.Name, cx, signLineY+5)
		textColor(f, grey)
		fit(f, s.TitleZH, 8.5, colW+4)
		centered(f, s.TitleZH, cx, signLineY+9.5)
		fit(f, s.TitleEN, 7.5, colW+4)
		centered(f, s.TitleEN, cx, signLineY+13)
	}
}
