package demo

import "acedesk/app"

// Group is a demo group; city groups take their lead from their city.
type Group struct{ Committee, Name, City string }

// Groups are the demo chapter's groups.
var Groups = []Group{
	{app.CommitteeRegional, "杭州用户组", "杭州"}, {app.CommitteeRegional, "北京用户组", "北京"},
	{app.CommitteeRegional, "上海用户组", "上海"}, {app.CommitteeRegional, "南京用户组", "南京"},
	{app.CommitteeRegional, "深圳用户组", "深圳"}, {app.CommitteeRegional, "广州用户组", "广州"},
	{app.CommitteeRegional, "成都用户组", "成都"}, {app.CommitteeRegional, "武汉用户组", "武汉"},
	{app.CommitteeIndustry, "金融行业组", ""}, {app.CommitteeIndustry, "电力行业组", ""},
	{app.CommitteeIndustry, "电信行业组", ""}, {app.CommitteeIndustry, "政务行业组", ""},
	{app.CommitteeUniversity, "高校发展组", ""}, {app.CommitteeEvangelism, "Tech&Talk 专家组", ""},
	{app.CommitteeEvangelism, "Writer 专家组", ""}, {app.CommitteeSpecial, "特殊贡献组", ""},
}

// Event is a demo event on a month and day of the demo year; Talks is how
// many talks it has, Group the name of its organizing group.
type Event struct {
	Name, Kind, MonthDay, City, Group string
	Talks, Attendance                 int
}

// Events are the demo year's events.
var Events = []Event{
	{"PG.Live 一月：VACUUM 原理", app.EventLive, "01-14", "线上", "Tech&Talk 专家组", 1, 860},
	{"天天象上·杭州 三月", app.EventCityMeetup, "03-21", "杭州", "杭州用户组", 2, 65},
	{"PG.Live 三月：索引类型一览", app.EventLive, "03-11", "线上", "Tech&Talk 专家组", 1, 920},
	{"技术峰会全国行·杭州站", app.EventRegionalSummit, "04-18", "杭州", "杭州用户组", 3, 240},
	{"PostgreSQL 高校行·理工大学", app.EventUniversity, "05-12", "南京", "高校发展组", 0, 150},
	{"天天象上·北京 五月", app.EventCityMeetup, "05-23", "北京", "北京用户组", 2, 80},
	{"PG.Live 五月：连接池实践", app.EventLive, "05-13", "线上", "Tech&Talk 专家组", 1, 780},
	{"技术峰会全国行·南京站", app.EventRegionalSummit, "06-13", "南京", "南京用户组", 3, 210},
	{"天天象上·上海 六月", app.EventCityMeetup, "06-27", "上海", "上海用户组", 1, 70},
	{"走进企业·某城商行", app.EventCompanyVisit, "07-08", "杭州", "金融行业组", 1, 40},
	{"2026 中国 PostgreSQL 数据库生态大会", app.EventConference, "07-18", "北京", "", 6, 1200},
	{"天天象上·杭州 八月", app.EventCityMeetup, "08-22", "杭州", "杭州用户组", 2, 72},
	{"技术峰会全国行·成都站", app.EventRegionalSummit, "09-19", "成都", "", 3, 190},
	{"天天象上·南京 九月", app.EventCityMeetup, "09-26", "南京", "南京用户组", 1, 55},
	{"PostgreSQL 高校行·师范大学", app.EventUniversity, "10-20", "杭州", "高校发展组", 0, 130},
	{"天天象上·深圳 十月", app.EventCityMeetup, "10-24", "深圳", "深圳用户组", 2, 60},
	{"象牙塔·DBA 实战训练营", app.EventTraining, "11-01", "上海", "", 1, 45},
	{"技术峰会全国行·广州站", app.EventRegionalSummit, "11-07", "广州", "", 3, 205},
	{"PG.Live 十一月：逻辑复制", app.EventLive, "11-11", "线上", "Tech&Talk 专家组", 1, 840},
}

// TalkTitles are what the demo speakers talk about.
var TalkTitles = []string{"PostgreSQL 17 逻辑复制实战", "从 Oracle 迁移到 PostgreSQL 的十个坑", "分区表性能调优",
	"金融核心系统上的 PostgreSQL", "执行器源码导读", "PostgreSQL 高可用架构选型", "pg_stat_statements 使用心得",
	"WAL 归档与 PITR", "国产芯片上的 PostgreSQL 调优", "深入理解 MVCC"}
