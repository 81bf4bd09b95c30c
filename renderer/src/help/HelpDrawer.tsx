import { Button, Drawer } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import guide from '../../../docs/用户手册.md?raw';
import { isModalOpen } from '../components/keyboard';
import { guideSections, sectionForPath } from './guide';
import { Markdown } from './Markdown';

/**
 * 帮助: F1 (or the header's 帮助 button) opens the user guide at the section of the page in use; 完整手册 shows all
 * of it. The guide is bundled with the desk (docs/用户手册.md), so it works without a network.
 */
export function useHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1' && !e.ctrlKey && !e.altKey && !e.metaKey && !isModalOpen()) {
        e.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return { open, show: () => setOpen(true), close: () => setOpen(false) };
}

export function HelpDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const location = useLocation();
  const sections = useMemo(() => guideSections(guide), []);
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (open) setAll(false);
  }, [open, location.pathname]);
  const section = sections.find((s) => s.id === sectionForPath(location.pathname));
  return (
    <Drawer
      title={all ? '用户手册' : `帮助：${section?.title ?? '用户手册'}`}
      open={open}
      onClose={onClose}
      size={640}
      data-testid="help-drawer"
      extra={
        <Button size="small" onClick={() => setAll((v) => !v)}>
          {all ? '只看本页' : '完整手册'}
        </Button>
      }
    >
      <Markdown source={all || !section ? guide : section.markdown} />
    </Drawer>
  );
}
