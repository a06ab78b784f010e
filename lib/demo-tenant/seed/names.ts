import "server-only";

// Vocabulary for the seeded Contoso directory. Plain lists; the seed draws from them deterministically.

export const FIRST_NAMES = [
  "Aaron", "Abigail", "Adam", "Aisha", "Alan", "Alejandro", "Alice", "Amara", "Amelia", "Ana",
  "Andrea", "Andrew", "Anika", "Anna", "Anthony", "Arjun", "Ashley", "Ava", "Ben", "Bianca",
  "Brandon", "Brian", "Camila", "Carlos", "Caroline", "Catherine", "Chen", "Chloe", "Chris", "Claire",
  "Daniel", "David", "Deborah", "Dmitri", "Elena", "Eli", "Elif", "Emily", "Emma", "Eric",
  "Ethan", "Fatima", "Felix", "Fiona", "Francesca", "Gabriel", "Grace", "Hannah", "Hiroshi", "Ines",
  "Isabel", "Ivan", "Jack", "Jacob", "James", "Jasmine", "Javier", "Jennifer", "Jessica", "Jin",
  "John", "Jonas", "Jose", "Julia", "Kai", "Karen", "Kenji", "Kevin", "Laura", "Leila",
  "Liam", "Linda", "Lucas", "Lucia", "Luis", "Maria", "Mark", "Martin", "Mateo", "Mei",
  "Michael", "Mila", "Mohammed", "Nadia", "Naomi", "Nathan", "Nikhil", "Noah", "Olivia", "Omar",
  "Oscar", "Paul", "Peter", "Priya", "Rachel", "Rafael", "Rahul", "Rebecca", "Ricardo", "Robert",
  "Ryan", "Samuel", "Sara", "Sebastian", "Sofia", "Sophie", "Stefan", "Sven", "Tariq", "Thomas",
  "Tom", "Valentina", "Victor", "Wei", "William", "Yara", "Yuki", "Zara", "Zoe", "Zoltan",
] as const;

export const LAST_NAMES = [
  "Adams", "Ahmed", "Alvarez", "Andersen", "Bailey", "Baker", "Becker", "Bennett", "Brooks", "Brown",
  "Castillo", "Chen", "Clark", "Cohen", "Collins", "Cooper", "Costa", "Cruz", "Davies", "Diaz",
  "Dubois", "Edwards", "Evans", "Fischer", "Flores", "Foster", "Garcia", "Gomez", "Gonzalez", "Gray",
  "Green", "Gupta", "Hall", "Hansen", "Harris", "Hernandez", "Hill", "Hoffmann", "Hughes", "Ito",
  "Jackson", "Jensen", "Johnson", "Jones", "Kaur", "Khan", "Kim", "King", "Klein", "Kowalski",
  "Kumar", "Larsen", "Lee", "Lewis", "Li", "Lopez", "Martin", "Martinez", "Meyer", "Miller",
  "Mitchell", "Moore", "Morales", "Morgan", "Muller", "Murphy", "Nakamura", "Nguyen", "Novak", "Okafor",
  "Olsen", "Ortiz", "Park", "Patel", "Perez", "Peters", "Petrov", "Phillips", "Ramirez", "Reed",
  "Reyes", "Richter", "Rivera", "Roberts", "Rodriguez", "Rossi", "Russo", "Sanchez", "Santos", "Sato",
  "Schmidt", "Schneider", "Scott", "Shah", "Silva", "Singh", "Smith", "Suzuki", "Tanaka", "Taylor",
  "Thomas", "Thompson", "Torres", "Turner", "Wagner", "Walker", "Wang", "Watson", "Weber", "White",
  "Williams", "Wilson", "Wong", "Wright", "Yamamoto", "Young", "Zhang", "Zimmermann",
] as const;

/** Departments and the job titles found in them (the first title heads the department). */
export const DEPARTMENTS: readonly { name: string; titles: readonly string[] }[] = [
  { name: "Sales", titles: ["VP Sales", "Sales Manager", "Account Executive", "Sales Representative", "Sales Operations Analyst"] },
  { name: "Marketing", titles: ["CMO", "Marketing Manager", "Marketing Specialist", "Content Strategist", "Brand Designer"] },
  { name: "Engineering", titles: ["VP Engineering", "Engineering Manager", "Software Engineer", "Senior Software Engineer", "QA Engineer"] },
  { name: "Finance", titles: ["CFO", "Finance Manager", "Accountant", "Financial Analyst", "Payroll Specialist"] },
  { name: "Human Resources", titles: ["CHRO", "HR Manager", "HR Business Partner", "Recruiter", "HR Generalist"] },
  { name: "IT", titles: ["CIO", "IT Manager", "Systems Administrator", "Help Desk Technician", "Identity Engineer"] },
  { name: "Legal", titles: ["General Counsel", "Legal Manager", "Corporate Counsel", "Paralegal", "Compliance Analyst"] },
  { name: "Operations", titles: ["COO", "Operations Manager", "Operations Analyst", "Logistics Coordinator", "Facilities Coordinator"] },
  { name: "Customer Support", titles: ["VP Customer Success", "Support Manager", "Support Engineer", "Customer Success Manager", "Support Specialist"] },
  { name: "Product", titles: ["CPO", "Product Manager", "Senior Product Manager", "Product Designer", "UX Researcher"] },
  { name: "Research", titles: ["Chief Scientist", "Research Manager", "Research Scientist", "Data Scientist", "Lab Technician"] },
  { name: "Procurement", titles: ["Head of Procurement", "Procurement Manager", "Buyer", "Vendor Manager", "Procurement Analyst"] },
];

export const OFFICES: readonly {
  city: string;
  country: string;
  usageLocation: string;
  postalCode: string;
  streetAddress: string;
  preferredLanguage: string;
}[] = [
  { city: "Chicago", country: "United States", usageLocation: "US", postalCode: "60601", streetAddress: "200 E Randolph St", preferredLanguage: "en-US" },
  { city: "Seattle", country: "United States", usageLocation: "US", postalCode: "98101", streetAddress: "1201 3rd Ave", preferredLanguage: "en-US" },
  { city: "New York", country: "United States", usageLocation: "US", postalCode: "10001", streetAddress: "11 Times Sq", preferredLanguage: "en-US" },
  { city: "London", country: "United Kingdom", usageLocation: "GB", postalCode: "EC2M 4AA", streetAddress: "100 Liverpool St", preferredLanguage: "en-GB" },
  { city: "Munich", country: "Germany", usageLocation: "DE", postalCode: "80335", streetAddress: "Arnulfstraße 59", preferredLanguage: "de-DE" },
  { city: "Paris", country: "France", usageLocation: "FR", postalCode: "75008", streetAddress: "37 Quai du Président Roosevelt", preferredLanguage: "fr-FR" },
  { city: "Tokyo", country: "Japan", usageLocation: "JP", postalCode: "108-0075", streetAddress: "2-16-3 Konan", preferredLanguage: "ja-JP" },
  { city: "Sydney", country: "Australia", usageLocation: "AU", postalCode: "2000", streetAddress: "1 Denison St", preferredLanguage: "en-AU" },
];

/** Well-known SaaS and first-party application names, as they appear in Enterprise applications. */
export const APPLICATION_NAMES = [
  "Salesforce", "ServiceNow", "Workday", "Slack", "Zoom", "Box", "Dropbox Business", "Atlassian Cloud",
  "GitHub Enterprise Cloud - Enterprise Account", "AWS IAM Identity Center", "Google Cloud / G Suite Connector by Microsoft",
  "Adobe Identity Management", "DocuSign", "Zendesk", "Asana", "monday.com", "Smartsheet", "Tableau Cloud",
  "Snowflake", "Databricks", "Okta", "Cisco Webex", "Miro", "Figma", "Notion", "Airtable", "HubSpot",
  "Coupa", "SAP Concur", "SAP SuccessFactors", "Greenhouse", "BambooHR", "Lucidchart", "Trello",
  "LinkedIn Learning", "Udemy Business", "Coursera", "Freshservice", "PagerDuty", "Datadog", "New Relic",
  "Splunk Cloud", "Sumo Logic", "CrowdStrike Falcon", "Palo Alto Networks Prisma Access", "Zscaler Internet Access",
  "Netskope", "1Password", "Keeper Password Manager", "LastPass", "Jamf Pro", "Kandji", "Workplace from Meta",
  "Egnyte", "Citrix ShareFile", "Expensify", "Gusto", "Rippling", "NetSuite", "Xero", "QuickBooks Online",
  "Jira Service Management", "Confluence", "Bitbucket", "GitLab", "Postman", "Sentry", "Auth0",
  "Twilio", "SendGrid", "Mailchimp", "Marketo Engage", "Gong", "Outreach", "Salesloft", "ZoomInfo",
  "Highspot", "Seismic", "Ironclad", "Procore", "Autodesk", "Zoho One", "Front", "Intercom",
  "Amplitude", "Mixpanel", "Looker", "Power BI Embedded", "Cornerstone OnDemand", "Degreed", "Culture Amp",
  "Lattice", "15Five", "Qualtrics", "SurveyMonkey", "Calendly", "Loom", "Canva", "Grammarly Business",
] as const;

export const MICROSOFT_APPLICATION_NAMES = [
  "Microsoft Graph", "Office 365 Exchange Online", "Office 365 SharePoint Online", "Microsoft Teams",
  "Microsoft Teams Services", "Azure Portal", "Windows Azure Service Management API", "Microsoft Intune",
  "Microsoft Intune Enrollment", "Power BI Service", "Microsoft Forms", "Microsoft Planner", "Microsoft To-Do",
  "Microsoft Stream Service", "OneNote", "Skype for Business Online", "Microsoft Defender for Cloud Apps",
  "Microsoft Purview", "Azure Key Vault", "Azure DevOps", "Microsoft Azure CLI", "Microsoft Azure PowerShell",
  "Office 365 Management APIs", "Dynamics CRM Online", "PowerApps Service", "Power Automate", "Microsoft Bookings",
  "Yammer", "Microsoft Whiteboard Services", "Windows 365", "Azure Virtual Desktop", "Microsoft Information Protection Sync Service",
  "Microsoft Approval Management", "Microsoft Authentication Broker", "Office Online", "Microsoft Kaizala",
  "Microsoft Invitation Acceptance Portal", "Microsoft App Access Panel", "My Apps", "My Profile",
] as const;

export const INTERNAL_APP_AREAS = [
  "Payroll", "Expenses", "Intranet", "Timesheets", "Inventory", "Procurement", "Helpdesk", "Onboarding",
  "Travel", "Facilities", "Benefits", "Analytics", "Contracts", "Learning", "Recruiting", "Wiki",
] as const;

export const INTERNAL_APP_KINDS = ["Portal", "API", "Web", "Mobile", "Admin", "Reports"] as const;
