import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';

export interface TabItem {
  id: string;
  label: string;
}

export interface UrlTabsProps {
  /** What the tabs switch between ("Milestone lists"). */
  label: string;
  tabs: readonly TabItem[];
  selected: string;
  onChange: (id: string) => void;
  /** The selected tab's content (the same component for every tab: the selection is in the URL). */
  children: ReactNode;
}

/** Tabs whose selection lives in the URL; arrow keys move between them. */
export function UrlTabs({ label, tabs, selected, onChange, children }: UrlTabsProps) {
  return (
    <Tabs selectedKey={selected} onSelectionChange={(key) => onChange(String(key))} className="flex flex-col gap-4">
      <TabList aria-label={label} className="flex gap-1 border-b border-slate-300">
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            id={tab.id}
            className="-mb-px flex min-h-11 cursor-pointer items-center rounded-t-md border-b-2 border-transparent px-4 font-medium text-slate-700 outline-none hover:text-slate-900 data-focus-visible:outline-2 data-focus-visible:outline-blue-700 data-selected:border-blue-700 data-selected:text-blue-800"
          >
            {tab.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((tab) => (
        <TabPanel key={tab.id} id={tab.id} className="outline-none data-focus-visible:outline-2 data-focus-visible:outline-blue-700">
          {children}
        </TabPanel>
      ))}
    </Tabs>
  );
}
