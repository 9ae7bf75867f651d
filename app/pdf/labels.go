package pdf

// The fixed words printed by the layouts. They go into every font subset
// (see Renderer.subset), so every layout can print them.
const (
	labelScanZH     = "扫码验证"
	labelScanEN     = "Scan to verify"
	labelSerialZH   = "证书编号"
	labelSerialEN   = "No."
	labelReprintZH  = "补发"
	labelReprintEN  = "Reprint"
	labelTotalsZH   = "合计"
	labelTotalsEN   = "Totals"
	labelFoldZH     = "沿虚线对折"
	labelFoldEN     = "fold along the dashed line"
	labelPageFormat = "第 %d 页 / 共 %d 页 · Page %d of %d"
)

var headings = map[string][2]string{
	"honor":       {"荣誉证书", "Certificate of Honor"},
	"appointment": {"聘书", "Letter of Appointment"},
	"thanks":      {"感谢状", "Certificate of Appreciation"},
}

// labels returns every fixed word, for the font subset.
func labels() []string {
	out := []string{labelScanZH, labelScanEN, labelSerialZH, labelSerialEN,
		labelReprintZH, labelReprintEN, labelTotalsZH, labelTotalsEN, labelFoldZH, labelFoldEN,
		labelPageFormat, "（）：·/×"}
	for _, h := range headings {
		out = append(out, h[0], h[1])
	}
	return out
}
