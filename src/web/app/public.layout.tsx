import { Outlet } from '@tanstack/react-router';
import { PageFrame } from './page.frame.tsx';

export function PublicLayout() {
  return (
    <PageFrame>
      <Outlet />
    </PageFrame>
  );
}
