export namespace app {
	
	export class AuditEntry {
	    id: number;
	    // Go type: time
	    at: any;
	    actor: string;
	    action: string;
	    entity: string;
	    entity_id: number;
	    before: any;
	    after: any;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = this.convertValues(source["at"], null);
	        this.actor = source["actor"];
	        this.action = source["action"];
	        this.entity = source["entity"];
	        this.entity_id = source["entity_id"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Member {
	    id: number;
	    name: string;
	    name_latin: string;
	    organization: string;
	    org_category: string;
	    title: string;
	    city: string;
	    phone: string;
	    email: string;
	    wechat: string;
	    address: string;
	    bio: string;
	    notes: string;
	    archived: boolean;
	    version: number;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Member(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.name_latin = source["name_latin"];
	        this.organization = source["organization"];
	        this.org_category = source["org_category"];
	        this.title = source["title"];
	        this.city = source["city"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.wechat = source["wechat"];
	        this.address = source["address"];
	        this.bio = source["bio"];
	        this.notes = source["notes"];
	        this.archived = source["archived"];
	        this.version = source["version"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberPage {
	    items: Member[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new MemberPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Member);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MemberQuery {
	    text: string;
	    archived: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new MemberQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.archived = source["archived"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Settings {
	    language: string;
	    operator: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.operator = source["operator"];
	        this.version = source["version"];
	    }
	}
	export class SystemInfo {
	    version: string;
	    db_path: string;
	    schema_version: number;
	    members: number;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.db_path = source["db_path"];
	        this.schema_version = source["schema_version"];
	        this.members = source["members"];
	    }
	}

}

