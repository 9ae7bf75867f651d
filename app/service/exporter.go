package service

import (
	"context"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"acedesk/app"
)

// ExportOptions say what to export: a format's name and the year whose
// standings go in (0: this year).
type ExportOptions struct {
	Format string `json:"format"`
	Year   int    `json:"year"`
}

// exportFormat writes the export as one file of its kind.
type exportFormat struct {
	ext   string
	write func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress app.Progress) error
}

// exportFormats are the formats by name; each lives in its own file.
var exportFormats = map[string]exportFormat{
	"xlsx": xlsxExport,
	"csv":  csvExport,
	"sql":  sqlExport,
}

// ExportFormats names the formats, sorted.
func ExportFormats() []string {
	out := make([]string, 0, len(exportFormats))
	for name := range exportFormats {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// exportStore is what Exporter needs of the store.
type exportStore interface {
	ExportSnapshot() (app.Snapshot, error)
}

// Exporter writes the chapter's data for headquarters: spreadsheets, a
// PostgreSQL script and, through Tables, a direct load. It is not bound
// to the UI, which gets files through ExportService.
type Exporter struct {
	sheets    app.Spreadsheets
	repo      exportStore
	clock     app.Clock
	standings *StandingsService
	trust     *TrustService
}

// Write writes an export to w, for the command line.
func (s *Exporter) Write(ctx context.Context, w io.Writer, opt ExportOptions) error {
	f, opt, err := s.format(opt)
	if err != nil {
		return err
	}
	return f.write(ctx, s, ctxWriter{ctx, w}, opt, func(int, int) {})
}

// FileName is what to save an export as: acedesk-20261201.xlsx.
func (s *Exporter) FileName(opt ExportOptions) string {
	return "acedesk-" + s.clock.Now().Format("20060102") + "." + exportFormats[opt.Format].ext
}

func (s *Exporter) format(opt ExportOptions) (exportFormat, ExportOptions, error) {
	f, ok := exportFormats[opt.Format]
	if !ok {
		return f, opt, app.Errorf(app.CodeInvalid, "export_format", "no export format %q: use one of %s", opt.Format, strings.Join(ExportFormats(), ", ")).
			WithParams("format", opt.Format, "formats", strings.Join(ExportFormats(), ", "))
	}
	var err error
	opt.Year, err = s.year(opt.Year)
	return f, opt, err
}

// year is y, or this year for 0, if it is a year of the program.
func (s *Exporter) year(y int) (int, error) {
	if y == 0 {
		y = s.clock.Now().Year()
	}
	if y < 2000 || y > 2999 {
		return y, app.Errorf(app.CodeInvalid, "invalid_year", "%d is not a year of the program", y).WithParams("year", strconv.Itoa(y))
	}
	return y, nil
}

// writeTables is what the table formats share: read, then write with write.
func writeTables(ctx context.Context, s *Exporter, opt ExportOptions, progress app.Progress, write func([]app.DataTable) error) error {
	progress(0, 2)
	tables, err := s.Tables(opt.Year)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	progress(1, 2)
	if err := write(tables); err != nil {
		return err
	}
	progress(2, 2)
	return nil
}

// Tables are the export's tables, members first since the others refer
// to them: members, contributions, standings of year, batches,
// certificates and trophies.
func (s *Exporter) Tables(year int) ([]app.DataTable, error) {
	year, err := s.year(year)
	if err != nil {
		return nil, err
	}
	snap, err := s.repo.ExportSnapshot()
	if err != nil {
		return nil, err
	}
	standings, err := s.standings.ForYear(year)
	if err != nil {
		return nil, err
	}
	return []app.DataTable{
		membersTable(snap.Members), contributionsTable(snap.Contributions), standingsTable(year, standings),
		batchesTable(snap.Batches), certificatesTable(snap.Certificates), trophiesTable(snap),
	}, nil
}

// Source names this ACE Desk database to PostgreSQL, which refuses a
// load into a schema another database loaded: the fingerprint of the
// chapter key, which a backup, a restore or a copy keeps and no other
// database has (unlike the file's path or the chapter code). The key is
// made here if this is its first use.
func (s *Exporter) Source() (string, error) {
	key, err := s.trust.ChapterKey()
	return key.Fingerprint, err
}

const refMember = "members(id)"

func membersTable(ms []app.Member) app.DataTable {
	d := app.DataTable{Name: "members", Title: "成员", Key: []string{"id"}, Fields: []app.DataField{
		{Name: "id", Header: "编号", Type: app.FieldBigInt}, {Name: "name", Header: "姓名"}, {Name: "name_latin", Header: "拼音/英文名"},
		{Name: "organization", Header: "单位"}, {Name: "org_category", Header: "单位类别"}, {Name: "title", Header: "职务"},
		{Name: "city", Header: "城市"}, {Name: "phone", Header: "手机"}, {Name: "email", Header: "邮箱"}, {Name: "wechat", Header: "微信"},
		{Name: "address", Header: "地址"}, {Name: "bio", Header: "简介"}, {Name: "notes", Header: "备注"},
		{Name: "archived", Header: "已归档", Type: app.FieldBoolean}, {Name: "version", Header: "版本", Type: app.FieldInteger},
		{Name: "created_at", Header: "创建时间", Type: app.FieldTimestamp}, {Name: "updated_at", Header: "修改时间", Type: app.FieldTimestamp},
	}}
	for _, m := range ms {
		d.Rows = append(d.Rows, []any{int64(m.ID), m.Name, m.NameLatin, m.Organization, m.OrgCategory, m.Title, m.City, m.Phone,
			m.Email, m.WeChat, m.Address, m.Bio, m.Notes, m.Archived, int64(m.Version), m.CreatedAt, m.UpdatedAt})
	}
	return d
}

func contributionsTable(cs []app.Contribution) app.DataTable {
	d := app.DataTable{Name: "contributions", Title: "贡献", Key: []string{"id"}, Fields: []app.DataField{
		{Name: "id", Header: "编号", Type: app.FieldBigInt}, {Name: "member_id", Header: "成员编号", Type: app.FieldBigInt, References: refMember},
		{Name: "kind", Header: "类型"}, {Name: "date", Header: "日期", Type: app.FieldDate}, {Name: "quantity", Header: "数量", Type: app.FieldInteger},
		{Name: "title", Header: "标题"}, {Name: "evidence", Header: "证明材料"}, {Name: "status", Header: "状态"},
		{Name: "override", Header: "人工积分", Type: app.FieldInteger}, {Name: "override_reason", Header: "人工积分理由"},
		{Name: "event_id", Header: "活动编号", Type: app.FieldBigInt}, {Name: "version", Header: "版本", Type: app.FieldInteger},
		{Name: "created_at", Header: "创建时间", Type: app.FieldTimestamp}, {Name: "updated_at", Header: "修改时间", Type: app.FieldTimestamp},
	}}
	for _, c := range cs {
		var override, event any
		if c.Override != nil {
			override = int64(*c.Override)
		}
		if c.EventID != 0 {
			event = int64(c.EventID)
		}
		d.Rows = append(d.Rows, []any{int64(c.ID), int64(c.MemberID), c.Kind, civilDate(c.Date), int64(c.Quantity), c.Title, c.Evidence,
			c.Status, override, c.OverrideReason, event, int64(c.Version), c.CreatedAt, c.UpdatedAt})
	}
	return d
}

// standingsTable is the standings of year, the only year a load replaces.
func standingsTable(year int, rows []StandingRow) app.DataTable {
	d := app.DataTable{Name: "standings", Title: "积分与级别", Key: []string{"year", "member_id"}, Scope: &app.DataScope{Field: "year", Value: int64(year)}, Fields: []app.DataField{
		{Name: "year", Header: "年度", Type: app.FieldInteger}, {Name: "member_id", Header: "成员编号", Type: app.FieldBigInt, References: refMember},
		{Name: "name", Header: "姓名"}, {Name: "city", Header: "城市"}, {Name: "points", Header: "积分", Type: app.FieldInteger},
		{Name: "level", Header: "达到级别"}, {Name: "held", Header: "持有级别"}, {Name: "next", Header: "下一级别"},
		{Name: "to_next", Header: "距下一级别", Type: app.FieldInteger}, {Name: "reasons", Header: "依据"},
	}}
	for _, r := range rows {
		d.Rows = append(d.Rows, []any{int64(r.Year), int64(r.MemberID), r.Name, r.City, int64(r.Points), r.Level, r.Held, r.Next,
			int64(r.ToNext), strings.Join(r.Reasons, "；")})
	}
	return d
}

func batchesTable(bs []app.Batch) app.DataTable {
	d := app.DataTable{Name: "batches", Title: "批次", Key: []string{"batch_id", "member_id"}, Fields: []app.DataField{
		{Name: "batch_id", Header: "批次"}, {Name: "member_id", Header: "成员编号", Type: app.FieldBigInt, References: refMember},
		{Name: "year", Header: "年度", Type: app.FieldInteger}, {Name: "quarter", Header: "季度", Type: app.FieldInteger},
		{Name: "name", Header: "姓名"}, {Name: "name_latin", Header: "拼音/英文名"}, {Name: "city", Header: "城市"},
		{Name: "level", Header: "级别"}, {Name: "qualified_on", Header: "达标日期", Type: app.FieldDate}, {Name: "reason", Header: "依据"},
		{Name: "published_at", Header: "发布时间", Type: app.FieldTimestamp}, {Name: "published_by", Header: "发布人"},
	}}
	for _, b := range bs {
		for _, e := range b.Entries {
			d.Rows = append(d.Rows, []any{b.ID, int64(e.MemberID), int64(b.Year), int64(b.Quarter), e.Name, e.NameLatin, e.City,
				e.Level, civilDate(e.QualifiedOn), e.Reason.Text, b.PublishedAt, b.PublishedBy})
		}
	}
	return d
}

func certificatesTable(cs []app.Certificate) app.DataTable {
	d := app.DataTable{Name: "certificates", Title: "证书", Key: []string{"serial"}, Fields: []app.DataField{
		{Name: "serial", Header: "证书编号"}, {Name: "kind", Header: "类型"},
		{Name: "member_id", Header: "成员编号", Type: app.FieldBigInt, References: refMember},
		{Name: "name", Header: "姓名"}, {Name: "name_latin", Header: "拼音/英文名"}, {Name: "title", Header: "称号"},
		{Name: "title_en", Header: "英文称号"}, {Name: "level", Header: "级别"}, {Name: "detail", Header: "详情"},
		{Name: "detail_en", Header: "英文详情"},
		{Name: "year", Header: "年度", Type: app.FieldInteger}, {Name: "source", Header: "来源"},
		{Name: "issued_on", Header: "颁发日期", Type: app.FieldDate}, {Name: "issuer", Header: "颁发单位"},
		{Name: "payload", Header: "验证码内容"}, {Name: "prints", Header: "打印次数", Type: app.FieldInteger},
		{Name: "revoked", Header: "已撤销", Type: app.FieldBoolean}, {Name: "revoked_reason", Header: "撤销理由"},
		{Name: "revoked_at", Header: "撤销时间", Type: app.FieldTimestamp}, {Name: "created_at", Header: "创建时间", Type: app.FieldTimestamp},
	}}
	for _, c := range cs {
		d.Rows = append(d.Rows, []any{c.Serial, c.Kind, int64(c.MemberID), c.Name, c.NameLatin, c.Title, c.TitleEN, c.Level, c.Detail, c.DetailEN,
			int64(c.Year), c.Source, civilDate(c.IssuedOn), c.Issuer, c.Payload, int64(c.Prints), c.Revoked, c.RevokedReason, c.RevokedAt, c.CreatedAt})
	}
	return d
}

// trophiesTable lists a trophy for every member of every published batch,
// as the trophy page shows them.
func trophiesTable(snap app.Snapshot) app.DataTable {
	d := app.DataTable{Name: "trophies", Title: "奖杯", Key: []string{"batch_id", "member_id"}, Fields: []app.DataField{
		{Name: "batch_id", Header: "批次"}, {Name: "member_id", Header: "成员编号", Type: app.FieldBigInt, References: refMember},
		{Name: "name", Header: "姓名"}, {Name: "level", Header: "级别"}, {Name: "engraving", Header: "刻字内容"},
		{Name: "city", Header: "城市"}, {Name: "phone", Header: "手机"}, {Name: "address", Header: "收件地址"}, {Name: "status", Header: "状态"},
	}}
	members := make(map[uint64]app.Member, len(snap.Members))
	for _, m := range snap.Members {
		members[m.ID] = m
	}
	for _, b := range snap.Batches {
		for _, e := range b.Entries {
			t := trophyOf(b, e, members[e.MemberID], snap.TrophyOrders[b.ID])
			d.Rows = append(d.Rows, []any{t.BatchID, int64(t.MemberID), t.Name, t.Level, t.Engraving, t.City, t.Phone, t.Address, t.Status})
		}
	}
	return d
}

// civilDate is a program date as a time for typed columns; nil if empty.
func civilDate(s string) any {
	t, err := time.Parse(app.DateLayout, s)
	if err != nil {
		return nil
	}
	return t
}

// ctxWriter fails its writes once ctx is cancelled, so a long export
// stops at the next write rather than at its end.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// csvExport is a zip of one CSV file per table (UTF-8 with a BOM).
var csvExport = exportFormat{ext: "zip", write: func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress app.Progress) error {
	return writeTables(ctx, s, opt, progress, func(tables []app.DataTable) error {
		return s.sheets.WriteCSVZip(w, tables, s.clock.Now())
	})
}}

// sqlExport is a psql script that loads the tables into PostgreSQL.
var sqlExport = exportFormat{ext: "sql", write: func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress app.Progress) error {
	source, err := s.Source()
	if err != nil {
		return err
	}
	return writeTables(ctx, s, opt, progress, func(tables []app.DataTable) error {
		return s.sheets.WriteSQL(w, source, tables, s.clock.Now())
	})
}}

// xlsxExport is one workbook, a sheet per table, Chinese headers.
var xlsxExport = exportFormat{ext: "xlsx", write: func(ctx context.Context, s *Exporter, w io.Writer, opt ExportOptions, progress app.Progress) error {
	return writeTables(ctx, s, opt, progress, func(tables []app.DataTable) error {
		sheets := make([]app.Sheet, len(tables))
		for i, d := range tables {
			sheets[i] = d.Sheet()
		}
		return s.sheets.WriteXLSX(w, sheets)
	})
}}
