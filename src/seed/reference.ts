/** Static reference lists the demo book draws from: names, places, carriers, vehicles, businesses. */

export const FIRST_NAMES_F = [
  'Maria', 'Jennifer', 'Linda', 'Patricia', 'Elizabeth', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Nancy', 'Lisa', 'Ashley', 'Emily', 'Michelle',
  'Amanda', 'Melissa', 'Stephanie', 'Rebecca', 'Laura', 'Priya', 'Mei', 'Aaliyah', 'Sofia', 'Camila', 'Hannah', 'Olivia', 'Grace', 'Nicole',
  'Rosa', 'Tamika', 'Keisha', 'Ana', 'Yesenia', 'Ingrid', 'Fatima', 'Chloe', 'Megan', 'Rachel', 'Erin', 'Kelly',
] as const;
export const FIRST_NAMES_M = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher', 'Daniel', 'Matthew', 'Anthony',
  'Mark', 'Steven', 'Andrew', 'Joshua', 'Kevin', 'Brian', 'Jose', 'Luis', 'Carlos', 'Wei', 'Raj', 'Andre', 'Darnell', 'Tyler', 'Ethan',
  'Noah', 'Mateo', 'Omar', 'Hiroshi', 'Sean', 'Patrick', 'Travis', 'Cody', 'Derek', 'Marcus', 'Victor', 'Samuel',
] as const;
export const TEEN_NAMES = ['Aiden', 'Jayden', 'Liam', 'Mason', 'Ava', 'Mia', 'Zoe', 'Lily', 'Caleb', 'Isabella', 'Brooklyn', 'Ezra'] as const;
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Patel', 'Kim', 'Chen', 'Okafor', 'Kowalski',
  'Schmidt', 'Murphy', "O'Brien", 'Sullivan', 'Novak', 'Fischer', 'Yamamoto', 'Dubois', 'Castillo', 'Brooks', 'Reyes', 'Foster', 'Hayes',
] as const;

export const STREET_NAMES = [
  'Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Willow', 'Lakeview', 'Hillcrest', 'Sunset', 'Ridge', 'Meadow', 'Park', 'Washington', 'Lincoln',
  'Jefferson', 'Highland', 'River', 'Spring', 'Forest', 'Magnolia', 'Pecan', 'Aspen', 'Briarwood', 'Cypress', 'Mill', 'Church', 'Mesa', 'Bluebonnet',
] as const;
export const STREET_SUFFIXES = ['St', 'Ave', 'Dr', 'Ln', 'Ct', 'Blvd', 'Way', 'Rd', 'Pl', 'Trl'] as const;

export interface City {
  city: string;
  state: string;
  zip3: string;
  county: string;
  timezone: string;
  lat: number;
  lon: number;
  /** Coastal or river city: flood and wind matter here. */
  coastal?: boolean;
}

export const CITIES: readonly City[] = [
  { city: 'Austin', state: 'TX', zip3: '787', county: 'Travis', timezone: 'America/Chicago', lat: 30.27, lon: -97.74 },
  { city: 'Houston', state: 'TX', zip3: '770', county: 'Harris', timezone: 'America/Chicago', lat: 29.76, lon: -95.37, coastal: true },
  { city: 'Round Rock', state: 'TX', zip3: '786', county: 'Williamson', timezone: 'America/Chicago', lat: 30.51, lon: -97.68 },
  { city: 'Plano', state: 'TX', zip3: '750', county: 'Collin', timezone: 'America/Chicago', lat: 33.02, lon: -96.7 },
  { city: 'Tampa', state: 'FL', zip3: '336', county: 'Hillsborough', timezone: 'America/New_York', lat: 27.95, lon: -82.46, coastal: true },
  { city: 'Sarasota', state: 'FL', zip3: '342', county: 'Sarasota', timezone: 'America/New_York', lat: 27.34, lon: -82.53, coastal: true },
  { city: 'Pensacola', state: 'FL', zip3: '325', county: 'Escambia', timezone: 'America/Chicago', lat: 30.42, lon: -87.22, coastal: true },
  { city: 'Denver', state: 'CO', zip3: '802', county: 'Denver', timezone: 'America/Denver', lat: 39.74, lon: -104.99 },
  { city: 'Colorado Springs', state: 'CO', zip3: '809', county: 'El Paso', timezone: 'America/Denver', lat: 38.83, lon: -104.82 },
  { city: 'Phoenix', state: 'AZ', zip3: '850', county: 'Maricopa', timezone: 'America/Phoenix', lat: 33.45, lon: -112.07 },
  { city: 'Scottsdale', state: 'AZ', zip3: '852', county: 'Maricopa', timezone: 'America/Phoenix', lat: 33.49, lon: -111.93 },
  { city: 'Chicago', state: 'IL', zip3: '606', county: 'Cook', timezone: 'America/Chicago', lat: 41.88, lon: -87.63 },
  { city: 'Naperville', state: 'IL', zip3: '605', county: 'DuPage', timezone: 'America/Chicago', lat: 41.75, lon: -88.15 },
  { city: 'Atlanta', state: 'GA', zip3: '303', county: 'Fulton', timezone: 'America/New_York', lat: 33.75, lon: -84.39 },
  { city: 'Savannah', state: 'GA', zip3: '314', county: 'Chatham', timezone: 'America/New_York', lat: 32.08, lon: -81.09, coastal: true },
  { city: 'Charlotte', state: 'NC', zip3: '282', county: 'Mecklenburg', timezone: 'America/New_York', lat: 35.23, lon: -80.84 },
  { city: 'Wilmington', state: 'NC', zip3: '284', county: 'New Hanover', timezone: 'America/New_York', lat: 34.23, lon: -77.94, coastal: true },
  { city: 'Columbus', state: 'OH', zip3: '432', county: 'Franklin', timezone: 'America/New_York', lat: 39.96, lon: -83.0 },
  { city: 'Nashville', state: 'TN', zip3: '372', county: 'Davidson', timezone: 'America/Chicago', lat: 36.16, lon: -86.78 },
  { city: 'New Orleans', state: 'LA', zip3: '701', county: 'Orleans', timezone: 'America/Chicago', lat: 29.95, lon: -90.07, coastal: true },
  { city: 'Sacramento', state: 'CA', zip3: '958', county: 'Sacramento', timezone: 'America/Los_Angeles', lat: 38.58, lon: -121.49 },
  { city: 'San Diego', state: 'CA', zip3: '921', county: 'San Diego', timezone: 'America/Los_Angeles', lat: 32.72, lon: -117.16, coastal: true },
  { city: 'Seattle', state: 'WA', zip3: '981', county: 'King', timezone: 'America/Los_Angeles', lat: 47.61, lon: -122.33, coastal: true },
  { city: 'Minneapolis', state: 'MN', zip3: '554', county: 'Hennepin', timezone: 'America/Chicago', lat: 44.98, lon: -93.27 },
  { city: 'Buffalo', state: 'NY', zip3: '142', county: 'Erie', timezone: 'America/New_York', lat: 42.89, lon: -78.88 },
];

export const PERSONAL_CARRIERS = ['State Farm', 'Allstate', 'Progressive', 'GEICO', 'Travelers', 'Nationwide', 'Liberty Mutual', 'Safeco', 'Erie', 'American Family', 'Farmers', 'USAA'] as const;
export const COMMERCIAL_CARRIERS = ['The Hartford', 'Travelers', 'Hanover', 'Employers', 'AmTrust', 'Cincinnati', 'Liberty Mutual', 'Nationwide', 'Markel', 'biBERK', 'Chubb'] as const;
export const LIFE_CARRIERS = ['Protective', 'Banner Life', 'Prudential', 'Pacific Life', 'Lincoln Financial'] as const;
export const LENDERS = ['Wells Fargo Home Mortgage', 'Rocket Mortgage', 'Chase Home Lending', 'US Bank', 'PennyMac', 'Navy Federal Credit Union', 'Truist', 'Mr. Cooper'] as const;
/** Lienholders of financed cars, bikes and boats (a mortgage company is not one). */
export const AUTO_LENDERS = ['Ally Financial', 'Capital One Auto Finance', 'Chase Auto', 'Toyota Financial Services', 'Navy Federal Credit Union', 'Wells Fargo Dealer Services'] as const;

/** A model as sold: make, model, body type, WMI (first 3 VIN chars) and its model years. */
export interface VehicleModel {
  make: string;
  model: string;
  bodyType: string;
  wmi: string;
  /** First model year sold in the US under this name. */
  from: number;
  /** Last model year, when it was discontinued. */
  to?: number;
}

const vm = (make: string, model: string, bodyType: string, wmi: string, from: number, to?: number): VehicleModel => ({ make, model, bodyType, wmi, from, ...(to ? { to } : {}) });

export const VEHICLES: readonly VehicleModel[] = [
  vm('Toyota', 'Camry', 'sedan', '4T1', 1983), vm('Toyota', 'RAV4', 'suv', '2T3', 1996), vm('Toyota', 'Tacoma', 'pickup', '3TM', 1995), vm('Honda', 'Civic', 'sedan', '2HG', 1973),
  vm('Honda', 'CR-V', 'suv', '5J6', 1997), vm('Honda', 'Odyssey', 'minivan', '5FN', 1995), vm('Ford', 'F-150', 'pickup', '1FT', 1975), vm('Ford', 'Explorer', 'suv', '1FM', 1991),
  vm('Ford', 'Escape', 'suv', '1FM', 2001), vm('Chevrolet', 'Silverado 1500', 'pickup', '1GC', 1999), vm('Chevrolet', 'Equinox', 'suv', '2GN', 2005), vm('Chevrolet', 'Malibu', 'sedan', '1G1', 1997, 2025),
  vm('Ram', '1500', 'pickup', '1C6', 2011), vm('Jeep', 'Grand Cherokee', 'suv', '1C4', 1993), vm('Jeep', 'Wrangler', 'suv', '1C4', 1987), vm('Nissan', 'Altima', 'sedan', '1N4', 1993),
  vm('Nissan', 'Rogue', 'suv', 'JN8', 2008), vm('Subaru', 'Outback', 'wagon', '4S4', 1995), vm('Subaru', 'Forester', 'suv', 'JF2', 1998), vm('Hyundai', 'Tucson', 'suv', '5NM', 2005),
  vm('Kia', 'Telluride', 'suv', '5XY', 2020), vm('Tesla', 'Model 3', 'sedan', '5YJ', 2017), vm('Tesla', 'Model Y', 'suv', '7SA', 2020), vm('BMW', 'X5', 'suv', '5UX', 2000),
  vm('Mazda', 'CX-5', 'suv', 'JM3', 2013), vm('GMC', 'Sierra 1500', 'pickup', '3GT', 1999), vm('Volkswagen', 'Jetta', 'sedan', '3VW', 1980), vm('Lexus', 'RX 350', 'suv', '2T2', 2007),
];
export const MOTORCYCLES: readonly VehicleModel[] = [
  vm('Harley-Davidson', 'Street Glide', 'motorcycle', '1HD', 2006), vm('Honda', 'Gold Wing', 'motorcycle', 'JH2', 1975), vm('Kawasaki', 'Ninja 650', 'motorcycle', 'JKA', 2012),
  vm('Yamaha', 'MT-07', 'motorcycle', 'JYA', 2015), vm('Indian', 'Chief', 'motorcycle', '56K', 2014),
];

/** The model years of `m` a driver could own on the anchor year: at most `maxAge` years old, next year's models from July. */
export function modelYears(m: Pick<VehicleModel, 'from' | 'to'>, anchorYear: number, anchorMonth: number, maxAge: number): [number, number] {
  const newest = Math.min(m.to ?? Infinity, anchorYear + (anchorMonth >= 7 ? 1 : 0));
  return [Math.min(newest, Math.max(m.from, anchorYear - maxAge)), newest];
}

export interface BusinessKind {
  industry: string;
  naics: string;
  names: readonly string[];
  description: string;
  occupancy: string;
  gl: readonly [string, string];
  wc: readonly [string, string];
  /** Typical revenue range in dollars. */
  revenue: readonly [number, number];
  /** Typical employees. */
  employees: readonly [number, number];
  vehicles?: boolean;
  contractor?: boolean;
}

export const BUSINESS_KINDS: readonly BusinessKind[] = [
  { industry: 'Construction', naics: '236118', names: ['Hometown Remodeling', 'Summit Builders', 'Keystone Renovations', 'TrueLine Carpentry'], description: 'Residential remodeling and additions; kitchens, baths, decks', occupancy: 'contractor office and equipment yard', gl: ['91342', 'Carpentry - residential'], wc: ['5645', 'Carpentry - detached dwellings'], revenue: [600_000, 4_500_000], employees: [4, 28], vehicles: true, contractor: true },
  { industry: 'Construction', naics: '238220', names: ['Reliable Plumbing & Air', 'Blue Flame HVAC', 'ProFlow Plumbing'], description: 'Residential and light commercial plumbing and HVAC service and installation', occupancy: 'contractor office and warehouse', gl: ['98483', 'Plumbing - residential'], wc: ['5183', 'Plumbing NOC'], revenue: [400_000, 3_000_000], employees: [3, 22], vehicles: true, contractor: true },
  { industry: 'Construction', naics: '238160', names: ['Lone Star Roofing', 'Peak Roofing & Gutters', 'StormGuard Exteriors'], description: 'Residential re-roofing, gutters and storm repair', occupancy: 'contractor office and material storage', gl: ['98678', 'Roofing - residential'], wc: ['5551', 'Roofing - all kinds'], revenue: [800_000, 6_000_000], employees: [6, 40], vehicles: true, contractor: true },
  { industry: 'Food service', naics: '722511', names: ['Blue Heron Bistro', 'Casa Morales Cantina', 'Golden Crust Bakery', 'Harbor Street Grill'], description: 'Full-service restaurant with beer and wine; catering on weekends', occupancy: 'restaurant', gl: ['16910', 'Restaurants - with sale of alcohol under 30%'], wc: ['9082', 'Restaurant NOC'], revenue: [500_000, 2_800_000], employees: [8, 45] },
  { industry: 'Retail', naics: '453220', names: ['Second Chapter Books', 'Willow & Thread Boutique', 'Corner Hardware Co.', 'Paws & Claws Pet Supply'], description: 'Retail store with online orders shipped from the store', occupancy: 'retail store', gl: ['13590', 'Retail stores NOC'], wc: ['8017', 'Store - retail NOC'], revenue: [250_000, 1_800_000], employees: [2, 14] },
  { industry: 'Professional services', naics: '541211', names: ['Brightline Accounting', 'Meridian Tax & Advisory', 'Castillo CPA Group'], description: 'Accounting, bookkeeping and tax preparation for small businesses', occupancy: 'office', gl: ['41677', 'Consultants - not engineering'], wc: ['8810', 'Clerical office employees'], revenue: [300_000, 2_000_000], employees: [3, 18] },
  { industry: 'Health care', naics: '621210', names: ['Lakeside Family Dental', 'Bright Smiles Dentistry', 'Oakview Dental Arts'], description: 'General and cosmetic dentistry practice', occupancy: 'medical office', gl: ['66561', 'Medical offices'], wc: ['8832', 'Physician and clerical'], revenue: [700_000, 3_500_000], employees: [6, 25] },
  { industry: 'Transportation', naics: '484110', names: ['Redline Freight', 'Crossroads Logistics', 'Prairie Haulers'], description: 'Local and regional general freight trucking', occupancy: 'truck terminal and office', gl: ['99793', 'Trucking - local'], wc: ['7219', 'Trucking NOC'], revenue: [900_000, 7_000_000], employees: [5, 60], vehicles: true },
  { industry: 'Landscaping', naics: '561730', names: ['GreenScape Lawn & Garden', 'Evergreen Landscaping', 'Cutting Edge Lawn Care'], description: 'Commercial and residential lawn maintenance, landscaping and snow removal', occupancy: 'office and equipment yard', gl: ['97047', 'Landscape gardening'], wc: ['0042', 'Landscape gardening'], revenue: [200_000, 1_500_000], employees: [3, 25], vehicles: true, contractor: true },
  { industry: 'Fitness', naics: '713940', names: ['IronWorks Fitness', 'Flow Yoga Studio', 'Core Strength Gym'], description: 'Fitness center with group classes and personal training', occupancy: 'fitness center', gl: ['11222', 'Health clubs'], wc: ['9063', 'YMCA/health club employees'], revenue: [250_000, 1_200_000], employees: [4, 20] },
  { industry: 'Real estate', naics: '531110', names: ['Riverbend Properties', 'Oak Park Apartments LLC', 'Sterling Rentals'], description: 'Owns and manages apartment buildings and small strip centers', occupancy: 'apartment building', gl: ['60010', 'Apartment buildings'], wc: ['9015', 'Building operation'], revenue: [400_000, 3_000_000], employees: [1, 8] },
  { industry: 'Manufacturing', naics: '332710', names: ['Precision Machine Works', 'Midwest Fabrication', 'Apex Metal Products'], description: 'CNC machining and metal fabrication job shop', occupancy: 'machine shop', gl: ['57725', 'Machine shops'], wc: ['3632', 'Machine shop NOC'], revenue: [1_000_000, 9_000_000], employees: [8, 70] },
];

/** [type, make, model, length in feet, first model year, last model year]. */
export const BOATS: readonly (readonly [string, string, string, number, number, number?])[] = [
  ['pontoon', 'Bennington', 'SX22', 22, 2014], ['bowrider', 'Sea Ray', 'SPX 210', 21, 2017], ['center_console', 'Boston Whaler', 'Montauk 170', 17, 2011],
  ['bass_boat', 'Tracker', 'Pro Team 175', 17, 2004], ['sailboat', 'Catalina', '30', 30, 1975, 2008], ['jet_ski', 'Sea-Doo', 'GTI 130', 11, 2011], ['cabin_cruiser', 'Bayliner', 'Ciera 8', 26, 2015],
];

export const LEAD_SOURCES = ['referral', 'website', 'phone_in', 'walk_in', 'campaign', 'cross_sell', 'partner_realtor', 'partner_mortgage', 'social'] as const;
